package dev.stockroom.core.catalog.imaging;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The EXIF orientation of a JPEG (tag 0x0112 in IFD0 of its APP1 "Exif" segment), and turning an
 * image so that it shows as the camera meant. Stripping the EXIF segment drops the tag, so an
 * image whose orientation is not the normal one is turned before it is stored.
 */
final class ExifOrientation {
    static final int NORMAL = 1;
    private static final byte[] EXIF = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final int ORIENTATION_TAG = 0x0112;

    private ExifOrientation() {}

    /** The orientation, 1 to 8; {@link #NORMAL} when there is none or it cannot be read. */
    static int of(byte[] jpeg) {
        int pos = 2;
        while (pos + 4 <= jpeg.length && (jpeg[pos] & 0xFF) == 0xFF) {
            int marker = jpeg[pos + 1] & 0xFF;
            if (marker == 0xDA || marker == 0xD9) {
                break;
            }
            if (marker == 0xFF) {
                pos++;
                continue;
            }
            int length = u16(jpeg, pos + 2, false);
            int data = pos + 4;
            int end = pos + 2 + length;
            if (length < 2 || end > jpeg.length) {
                break;
            }
            if (marker == 0xE1
                    && end - data > EXIF.length
                    && Arrays.equals(jpeg, data, data + EXIF.length, EXIF, 0, EXIF.length)) {
                int found = inTiff(jpeg, data + EXIF.length, end);
                if (found != 0) {
                    return found;
                }
            }
            pos = end;
        }
        return NORMAL;
    }

    private static int inTiff(byte[] b, int tiff, int end) {
        if (tiff + 8 > end) {
            return 0;
        }
        boolean little = b[tiff] == 'I' && b[tiff + 1] == 'I';
        if (!little && !(b[tiff] == 'M' && b[tiff + 1] == 'M')) {
            return 0;
        }
        long ifd = u32(b, tiff + 4, little);
        if (ifd < 8 || tiff + ifd + 2 > end) {
            return 0;
        }
        int at = (int) (tiff + ifd);
        int entries = u16(b, at, little);
        for (int i = 0; i < entries; i++) {
            int entry = at + 2 + i * 12;
            if (entry + 12 > end) {
                return 0;
            }
            if (u16(b, entry, little) == ORIENTATION_TAG) {
                int value = u16(b, entry + 8, little);
                return value >= 1 && value <= 8 ? value : 0;
            }
        }
        return 0;
    }

    /** {@code image} turned and mirrored as {@code orientation} says. */
    static BufferedImage apply(BufferedImage image, int orientation) {
        if (orientation <= NORMAL || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swaps = orientation >= 5;
        BufferedImage turned = new BufferedImage(
                swaps ? h : w,
                swaps ? w : h,
                image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int tx;
                int ty;
                switch (orientation) {
                    case 2 -> {
                        tx = w - 1 - x;
                        ty = y;
                    }
                    case 3 -> {
                        tx = w - 1 - x;
                        ty = h - 1 - y;
                    }
                    case 4 -> {
                        tx = x;
                        ty = h - 1 - y;
                    }
                    case 5 -> {
                        tx = y;
                        ty = x;
                    }
                    case 6 -> {
                        tx = h - 1 - y;
                        ty = x;
                    }
                    case 7 -> {
                        tx = h - 1 - y;
                        ty = w - 1 - x;
                    }
                    default -> {
                        tx = y;
                        ty = w - 1 - x;
                    }
                }
                turned.setRGB(tx, ty, row[x]);
            }
        }
        return turned;
    }

    static int u16(byte[] b, int at, boolean little) {
        int b0 = b[at] & 0xFF;
        int b1 = b[at + 1] & 0xFF;
        return little ? b0 | b1 << 8 : b0 << 8 | b1;
    }

    private static long u32(byte[] b, int at, boolean little) {
        long first = u16(b, at, little);
        long second = u16(b, at + 2, little);
        return little ? first | second << 16 : first << 16 | second;
    }
}
