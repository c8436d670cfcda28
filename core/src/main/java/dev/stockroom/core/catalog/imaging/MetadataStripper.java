package dev.stockroom.core.catalog.imaging;

import dev.stockroom.core.catalog.domain.PhotoType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * Removes metadata from an image file without touching its pixels: the file is walked segment by
 * segment (JPEG), chunk by chunk (PNG, WebP) or block by block (GIF), and only what is needed to
 * show the image is copied. Dropped: EXIF (with GPS), XMP, IPTC, comments, text chunks, times and
 * anything unknown. Kept: colour data (JFIF, ICC profiles, Adobe's colour transform, gamma),
 * transparency, palettes and animation control. Bytes after the end of the image are dropped too.
 */
final class MetadataStripper {
    private static final Set<String> PNG_KEPT = Set.of(
            "IHDR", "PLTE", "IDAT", "IEND", "tRNS", "cHRM", "gAMA", "iCCP", "sBIT", "sRGB", "bKGD", "pHYs", "acTL",
            "fcTL", "fdAT");
    private static final Set<String> GIF_APPLICATIONS_KEPT = Set.of("NETSCAPE2.0", "ANIMEXTS1.0");
    private static final int PNG_SIGNATURE = 8;
    private static final int VP8X_EXIF = 0x08;
    private static final int VP8X_XMP = 0x04;

    private MetadataStripper() {}

    /** @throws MalformedImage when the file's structure cannot be walked */
    static byte[] strip(byte[] file, PhotoType type) {
        try {
            return switch (type) {
                case JPEG -> jpeg(file);
                case PNG -> png(file);
                case GIF -> gif(file);
                case WEBP -> webp(file);
            };
        } catch (IndexOutOfBoundsException e) {
            throw new MalformedImage(type + " file ends too early");
        }
    }

    static final class MalformedImage extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MalformedImage(String message) {
            super(message);
        }
    }

    private static byte[] jpeg(byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        out.write(b, 0, 2); // SOI
        int pos = 2;
        while (pos < b.length) {
            if ((b[pos] & 0xFF) != 0xFF) {
                throw new MalformedImage("JPEG marker expected at " + pos);
            }
            while (pos + 1 < b.length && (b[pos + 1] & 0xFF) == 0xFF) {
                pos++; // fill bytes
            }
            int marker = b[pos + 1] & 0xFF;
            if (marker == 0xD9) {
                out.write(b, pos, 2);
                return out.toByteArray();
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                out.write(b, pos, 2);
                pos += 2;
                continue;
            }
            int end = pos + 2 + ExifOrientation.u16(b, pos + 2, false);
            if (end > b.length) {
                throw new MalformedImage("JPEG segment runs past the end");
            }
            if (keepsJpegSegment(marker, b, pos + 4, end)) {
                out.write(b, pos, end - pos);
            }
            pos = end;
            if (marker == 0xDA) {
                int data = pos;
                pos = entropyCodedEnd(b, pos);
                out.write(b, data, pos - data);
            }
        }
        return out.toByteArray(); // no EOI: decoders cope, as ImageIO just did
    }

    /** Entropy-coded data runs to the first marker that is neither a stuffed 0xFF00 nor a restart. */
    private static int entropyCodedEnd(byte[] b, int pos) {
        while (pos < b.length) {
            if ((b[pos] & 0xFF) == 0xFF && pos + 1 < b.length) {
                int next = b[pos + 1] & 0xFF;
                if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
                    pos += 2;
                    continue;
                }
                return pos;
            }
            pos++;
        }
        return pos;
    }

    private static boolean keepsJpegSegment(int marker, byte[] b, int data, int end) {
        if (marker == 0xFE) {
            return false; // comment
        }
        if (marker < 0xE0 || marker > 0xEF) {
            return true; // not an application segment: tables, frame, scan
        }
        return switch (marker) {
            case 0xE0 -> startsWith(b, data, end, "JFIF\0");
            case 0xE2 -> startsWith(b, data, end, "ICC_PROFILE\0");
            case 0xEE -> startsWith(b, data, end, "Adobe");
            default -> false; // APP1 (EXIF, XMP), APP13 (IPTC) and the rest
        };
    }

    private static byte[] png(byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        out.write(b, 0, PNG_SIGNATURE);
        int pos = PNG_SIGNATURE;
        while (pos + 12 <= b.length) {
            long length = u32(b, pos, false);
            String type = new String(b, pos + 4, 4, StandardCharsets.ISO_8859_1);
            long end = pos + 12 + length;
            if (end > b.length) {
                throw new MalformedImage("PNG chunk runs past the end");
            }
            if (PNG_KEPT.contains(type)) {
                out.write(b, pos, (int) (end - pos));
            }
            pos = (int) end;
            if (type.equals("IEND")) {
                break;
            }
        }
        return out.toByteArray();
    }

    private static byte[] gif(byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        int pos = 13; // header and logical screen descriptor
        int packed = b[10] & 0xFF;
        if ((packed & 0x80) != 0) {
            pos += 3 * (1 << ((packed & 0x07) + 1));
        }
        out.write(b, 0, pos);
        while (pos < b.length) {
            int introducer = b[pos] & 0xFF;
            if (introducer == 0x3B) {
                out.write(0x3B);
                return out.toByteArray();
            }
            int start = pos;
            boolean keep = true;
            if (introducer == 0x21) {
                int label = b[pos + 1] & 0xFF;
                if (label == 0xFE) {
                    keep = false; // comment
                } else if (label == 0xFF) {
                    String application =
                            (b[pos + 2] & 0xFF) == 11 ? new String(b, pos + 3, 11, StandardCharsets.ISO_8859_1) : "";
                    keep = GIF_APPLICATIONS_KEPT.contains(application); // XMP and others go
                }
                pos = subBlocksEnd(b, pos + 2);
            } else if (introducer == 0x2C) {
                int local = b[pos + 9] & 0xFF;
                pos += 10;
                if ((local & 0x80) != 0) {
                    pos += 3 * (1 << ((local & 0x07) + 1));
                }
                pos = subBlocksEnd(b, pos + 1); // after the LZW minimum code size
            } else {
                throw new MalformedImage("GIF block expected at " + pos);
            }
            if (pos > b.length) {
                throw new MalformedImage("GIF block runs past the end");
            }
            if (keep) {
                out.write(b, start, pos - start);
            }
        }
        out.write(0x3B);
        return out.toByteArray();
    }

    private static int subBlocksEnd(byte[] b, int pos) {
        while (true) {
            int size = b[pos] & 0xFF;
            pos += 1 + size;
            if (size == 0) {
                return pos;
            }
        }
    }

    private static byte[] webp(byte[] b) {
        ByteArrayOutputStream chunks = new ByteArrayOutputStream(b.length);
        long riffEnd = Math.min(b.length, 8 + u32(b, 4, true));
        int pos = 12;
        while (pos + 8 <= riffEnd) {
            String fourCc = new String(b, pos, 4, StandardCharsets.ISO_8859_1);
            long size = u32(b, pos + 4, true);
            long end = pos + 8 + size + (size & 1);
            if (pos + 8 + size > b.length) {
                throw new MalformedImage("WebP chunk runs past the end");
            }
            int copyEnd = (int) Math.min(end, b.length);
            if (fourCc.equals("VP8X") && size >= 1) {
                byte[] chunk = Arrays.copyOfRange(b, pos, copyEnd);
                chunk[8] = (byte) (chunk[8] & ~(VP8X_EXIF | VP8X_XMP));
                chunks.write(chunk, 0, chunk.length);
            } else if (!fourCc.equals("EXIF") && !fourCc.equals("XMP ")) {
                chunks.write(b, pos, copyEnd - pos);
            }
            pos = (int) end;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(chunks.size() + 12);
        out.write(b, 0, 4);
        writeU32LittleEndian(out, 4L + chunks.size());
        out.write(b, 8, 4);
        out.writeBytes(chunks.toByteArray());
        return out.toByteArray();
    }

    private static void writeU32LittleEndian(ByteArrayOutputStream out, long value) {
        for (int i = 0; i < 4; i++) {
            out.write((int) (value >>> (8 * i)) & 0xFF);
        }
    }

    private static long u32(byte[] b, int at, boolean little) {
        long value = 0;
        for (int i = 0; i < 4; i++) {
            int shift = little ? 8 * i : 8 * (3 - i);
            value |= (long) (b[at + i] & 0xFF) << shift;
        }
        return value;
    }

    private static boolean startsWith(byte[] b, int from, int end, String prefix) {
        byte[] p = prefix.getBytes(StandardCharsets.ISO_8859_1);
        return end - from >= p.length && Arrays.equals(b, from, from + p.length, p, 0, p.length);
    }
}
