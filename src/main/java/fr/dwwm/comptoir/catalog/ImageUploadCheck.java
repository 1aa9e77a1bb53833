package fr.dwwm.comptoir.catalog;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import org.springframework.stereotype.Component;

/**
 * Decides whether an uploaded file is a picture the shop accepts, and decodes it.
 *
 * <p>
 * The checks, in this order: the file name (never used, but a name with {@code /},
 * {@code \} or {@code ..} is refused all the same), the size (5 MB at most), the type
 * <em>as the content says it</em> (the first bytes, the "magic number": neither the
 * file's extension nor the Content-Type the browser sends are believed, so an HTML page,
 * an SVG or a script named {@code .png} is refused), the dimensions read from the header
 * before anything is decoded (6000 by 6000 pixels at most, so a small file that would
 * decompress to gigabytes is refused before it fills the memory), then the decoding
 * itself.
 *
 * <p>
 * Only JPEG and PNG are accepted: the JDK's Image I/O has no WebP decoder, and the shop
 * adds no plugin for it. The decoded pixels then go to {@link ProductImages}, which
 * re-encodes them (metadata such as a GPS position is left behind) under a random name,
 * in the database rather than in the static folder.
 */
@Component
class ImageUploadCheck {

	/** Largest file accepted: 5 MB. */
	public static final long MAX_BYTES = 5L * 1024 * 1024;

	/** Largest width and height accepted, in pixels. */
	public static final int MAX_SIDE = 6000;

	/**
	 * Checks an uploaded file and decodes it.
	 * @param fileName the name the browser gave, or {@code null}
	 * @param size the size the upload announced, in bytes
	 * @param content the file's bytes
	 * @return the decoded picture
	 * @throws ProductRefusal on field {@code file}, with the message to show, if the file
	 * is refused
	 */
	public BufferedImage check(String fileName, long size, InputStream content) {
		if (fileName != null && (fileName.contains("/") || fileName.contains("\\") || fileName.contains(".."))) {
			throw refusal("admin.upload.bad-name");
		}
		if (size > MAX_BYTES) {
			throw refusal("admin.upload.too-large");
		}
		byte[] bytes;
		try {
			// Never more than the limit is read, whatever the announced size.
			bytes = content.readNBytes((int) MAX_BYTES + 1);
		}
		catch (IOException ex) {
			throw refusal("admin.upload.unreadable");
		}
		if (bytes.length == 0) {
			throw refusal("admin.upload.empty");
		}
		if (bytes.length > MAX_BYTES) {
			throw refusal("admin.upload.too-large");
		}
		Format format = Format.of(bytes);
		if (format == null) {
			throw refusal("admin.upload.type");
		}
		return decode(bytes, format);
	}

	private static BufferedImage decode(byte[] bytes, Format format) {
		Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.readerName);
		if (!readers.hasNext()) {
			throw refusal("admin.upload.type");
		}
		ImageReader reader = readers.next();
		try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
			reader.setInput(input, true, true);
			// The header only: nothing is decompressed yet.
			int width = reader.getWidth(0);
			int height = reader.getHeight(0);
			if (width > MAX_SIDE || height > MAX_SIDE) {
				throw refusal("admin.upload.dimensions");
			}
			if (width < 1 || height < 1) {
				throw refusal("admin.upload.unreadable");
			}
			return reader.read(0);
		}
		catch (ProductRefusal ex) {
			throw ex;
		}
		catch (IOException | RuntimeException ex) {
			// A truncated or corrupted file, or one that only starts like an image.
			throw refusal("admin.upload.unreadable");
		}
		finally {
			reader.dispose();
		}
	}

	private static ProductRefusal refusal(String messageKey) {
		return new ProductRefusal("file", messageKey);
	}

	/**
	 * The accepted types, each known by the bytes its files start with.
	 */
	enum Format {

		JPEG("jpeg", new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF }),

		PNG("png", new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' });

		private final String readerName;

		private final byte[] magic;

		Format(String readerName, byte[] magic) {
			this.readerName = readerName;
			this.magic = magic;
		}

		static Format of(byte[] bytes) {
			for (Format format : values()) {
				if (bytes.length >= format.magic.length
						&& Arrays.equals(bytes, 0, format.magic.length, format.magic, 0, format.magic.length)) {
					return format;
				}
			}
			return null;
		}

	}

}
