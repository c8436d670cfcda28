package dev.stockroom.core.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.w3c.dom.Node;

/**
 * Real images built in code, with the metadata a phone camera writes (EXIF with GPS, comments,
 * text chunks), and "pixel bombs": headers that declare far more pixels than the file holds.
 */
public final class TestImages {
    /** Text planted in every metadata segment; a stripped file never contains it. */
    public static final String SECRET = "StockroomSecretCamera";

    /** A 1×1 lossless WebP (VP8L), as a browser would upload it. */
    private static final String WEBP_1X1 = "UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==";

    private TestImages() {}

    /** A JPEG with an EXIF segment (camera make, orientation, GPS latitude) and a comment. */
    public static byte[] jpegWithExif(int width, int height, int orientation) {
        byte[] plain = encode(picture(width, height, false), "jpg");
        int app0End = 4 + u16(plain, 4); // SOI, then ImageIO's JFIF segment
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, app0End);
        byte[] exif = concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), tiffWithGps(orientation));
        segment(out, 0xE1, exif);
        segment(out, 0xFE, ("comment " + SECRET).getBytes(StandardCharsets.ISO_8859_1));
        out.write(plain, app0End, plain.length - app0End);
        return out.toByteArray();
    }

    /** A PNG with a tEXt chunk and an eXIf chunk. */
    public static byte[] pngWithText(int width, int height) {
        byte[] plain = encode(picture(width, height, true), "png");
        int ihdrEnd = 8 + 12 + 13;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, ihdrEnd);
        chunk(out, "tEXt", ("Comment\0" + SECRET).getBytes(StandardCharsets.ISO_8859_1));
        chunk(out, "eXIf", tiffWithGps(1));
        out.write(plain, ihdrEnd, plain.length - ihdrEnd);
        return out.toByteArray();
    }

    /** A GIF with a comment extension. */
    public static byte[] gifWithComment(int width, int height) {
        byte[] plain = encode(picture(width, height, false), "gif");
        int at = plain.length - 1; // before the trailer
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, at);
        byte[] text = SECRET.getBytes(StandardCharsets.ISO_8859_1);
        out.write(0x21);
        out.write(0xFE);
        out.write(text.length);
        out.write(text, 0, text.length);
        out.write(0);
        out.write(0x3B);
        return out.toByteArray();
    }

    public static byte[] png(int width, int height) {
        return encode(picture(width, height, false), "png");
    }

    public static byte[] webp1x1() {
        return Base64.getDecoder().decode(WEBP_1X1);
    }

    /** A PNG whose header declares {@code width} × {@code height}, with a few bytes of pixel data. */
    public static byte[] pngBomb(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 0, 8);
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height);
        ihdr.put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9C, 0x63, 0, 0, 0, 0x01, 0, 0x01});
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /** A JPEG whose frame header declares {@code width} × {@code height}, and hardly any data. */
    public static byte[] jpegBomb(int width, int height) {
        byte[] plain = encode(picture(8, 8, false), "jpg");
        for (int i = 2; i + 9 < plain.length; ) {
            int marker = plain[i + 1] & 0xFF;
            if (marker == 0xC0 || marker == 0xC2) {
                plain[i + 5] = (byte) (height >> 8);
                plain[i + 6] = (byte) height;
                plain[i + 7] = (byte) (width >> 8);
                plain[i + 8] = (byte) width;
                return plain;
            }
            i += 2 + u16(plain, i + 2);
        }
        throw new IllegalStateException("no frame header");
    }

    /** Every JPEG application segment (0xE0 to 0xEF) and comment ImageIO reads from the file, by marker. */
    public static List<Integer> jpegMarkers(byte[] jpeg) {
        List<Integer> markers = new ArrayList<>();
        Node tree = metadata(jpeg).getAsTree("javax_imageio_jpeg_image_1.0");
        for (Node n = tree.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeName().equals("markerSequence")) {
                for (Node m = n.getFirstChild(); m != null; m = m.getNextSibling()) {
                    String name = m.getNodeName();
                    if (name.equals("unknown")) {
                        markers.add(Integer.parseInt(((IIOMetadataNode) m).getAttribute("MarkerTag")));
                    } else if (name.equals("com")) {
                        markers.add(0xFE);
                    }
                }
            }
        }
        return markers;
    }

    /** The names of the PNG text and EXIF entries ImageIO reads from the file. */
    public static List<String> pngTextAndExif(byte[] png) {
        List<String> found = new ArrayList<>();
        Node tree = metadata(png).getAsTree("javax_imageio_png_1.0");
        for (Node n = tree.getFirstChild(); n != null; n = n.getNextSibling()) {
            String name = n.getNodeName();
            if (name.equals("tEXt") || name.equals("zTXt") || name.equals("iTXt") || name.equals("UnknownChunks")) {
                found.add(name);
            }
        }
        return found;
    }

    public static BufferedImage read(byte[] image) {
        try {
            BufferedImage read = ImageIO.read(new ByteArrayInputStream(image));
            if (read == null) {
                throw new IllegalArgumentException("not an image ImageIO reads");
            }
            return read;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static boolean contains(byte[] haystack, String needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
    }

    private static IIOMetadata metadata(byte[] image) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            try {
                reader.setInput(in);
                return reader.getImageMetadata(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A picture whose top half is red and bottom half blue, so that a turned copy shows which way
     * it was turned; with {@code alpha}, its left column is transparent.
     */
    public static BufferedImage picture(int width, int height, boolean alpha) {
        BufferedImage image =
                new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.RED);
            g.fillRect(0, 0, width, height / 2);
            g.setColor(Color.BLUE);
            g.fillRect(0, height / 2, width, height - height / 2);
        } finally {
            g.dispose();
        }
        if (alpha) {
            for (int y = 0; y < height; y++) {
                image.setRGB(0, y, 0);
            }
        }
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A big-endian TIFF block: IFD0 with Make, Orientation and a GPS IFD with a latitude. */
    private static byte[] tiffWithGps(int orientation) {
        byte[] make = (SECRET + "\0").getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer b = ByteBuffer.allocate(104 + make.length);
        b.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        b.putShort((short) 3); // IFD0 at 8
        entry(b, 0x010F, 2, make.length, 104);
        b.putShort((short) 0x0112)
                .putShort((short) 3)
                .putInt(1)
                .putShort((short) orientation)
                .putShort((short) 0);
        entry(b, 0x8825, 4, 1, 50);
        b.putInt(0);
        b.putShort((short) 2); // GPS IFD at 50
        b.putShort((short) 0x0001)
                .putShort((short) 2)
                .putInt(2)
                .put((byte) 'N')
                .put((byte) 0)
                .putShort((short) 0);
        entry(b, 0x0002, 5, 3, 80);
        b.putInt(0);
        b.putInt(52).putInt(1).putInt(31).putInt(1).putInt(7).putInt(1); // at 80: 52° 31' 7"
        b.put(make);
        return b.array();
    }

    private static void entry(ByteBuffer b, int tag, int type, int count, int value) {
        b.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
    }

    private static void segment(ByteArrayOutputStream out, int marker, byte[] data) {
        out.write(0xFF);
        out.write(marker);
        out.write((data.length + 2) >> 8);
        out.write(data.length + 2);
        out.write(data, 0, data.length);
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.ISO_8859_1);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.write(name, 0, 4);
        out.write(data, 0, data.length);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }
}
