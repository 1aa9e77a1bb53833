package fr.dwwm.comptoir.catalog;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the upload check accepts, without a server: the type is read from the first bytes,
 * and the dimensions from the header before anything is decoded.
 */
class ImageUploadCheckTests {

	private final ImageUploadCheck check = new ImageUploadCheck();

	@Test
	void aPngAndAJpegAreDecodedWhateverTheirName() throws IOException {
		BufferedImage picture = new BufferedImage(30, 20, BufferedImage.TYPE_INT_RGB);
		for (String format : new String[] { "png", "jpeg" }) {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			ImageIO.write(picture, format, bytes);
			BufferedImage decoded = this.check.check("sans-extension", bytes.size(),
					new ByteArrayInputStream(bytes.toByteArray()));
			assertThat(decoded.getWidth()).as(format).isEqualTo(30);
		}
	}

	@Test
	void aFileIsJudgedByItsContentNotByItsName() {
		assertThat(refusal("photo.png", "<html><body>Bonjour</body></html>".getBytes(StandardCharsets.UTF_8)))
			.isEqualTo("admin.upload.type");
		assertThat(refusal("photo.jpg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8)))
			.isEqualTo("admin.upload.type");
		assertThat(refusal("photo.gif", "GIF89a".getBytes(StandardCharsets.US_ASCII))).isEqualTo("admin.upload.type");
	}

	@Test
	void aWebpPictureIsRefusedBecauseImageIoCannotDecodeIt() {
		byte[] webp = "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII);
		assertThat(refusal("photo.webp", webp)).isEqualTo("admin.upload.type");
	}

	@Test
	void aPngDeclaringHugeDimensionsIsRefusedFromItsHeaderBeforeDecoding() {
		// 100 000 by 100 000 pixels would need 40 GB once decoded; the file is 57 bytes.
		assertThat(refusal("bombe.png", pngHeader(100_000, 100_000))).isEqualTo("admin.upload.dimensions");
		assertThat(refusal("large.png", pngHeader(6001, 10))).isEqualTo("admin.upload.dimensions");
	}

	@Test
	void aTruncatedPictureIsUnreadable() throws IOException {
		BufferedImage noise = new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB);
		Random random = new Random(42);
		for (int x = 0; x < 200; x++) {
			for (int y = 0; y < 200; y++) {
				noise.setRGB(x, y, random.nextInt());
			}
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		ImageIO.write(noise, "png", bytes);
		byte[] half = Arrays.copyOf(bytes.toByteArray(), bytes.size() / 2);
		assertThat(refusal("coupee.png", half)).isEqualTo("admin.upload.unreadable");
	}

	@Test
	void aNameClimbingTheFoldersIsRefusedBeforeAnythingIsRead() {
		for (String name : new String[] { "../../evil.png", "..\\evil.png", "a/b.png", "a\\b.png" }) {
			assertThat(refusal(name, new byte[] { 1 })).as(name).isEqualTo("admin.upload.bad-name");
		}
	}

	@Test
	void anEmptyOrOversizedFileIsRefused() {
		assertThat(refusal("vide.png", new byte[0])).isEqualTo("admin.upload.empty");
		assertThat(refusal("grande.png", new byte[(int) ImageUploadCheck.MAX_BYTES + 1]))
			.isEqualTo("admin.upload.too-large");
	}

	private String refusal(String name, byte[] bytes) {
		try {
			this.check.check(name, bytes.length, new ByteArrayInputStream(bytes));
		}
		catch (ProductRefusal refusal) {
			assertThat(refusal.getField()).isEqualTo("file");
			return refusal.getMessageKey();
		}
		return null;
	}

	/**
	 * A PNG signature, a header chunk with these dimensions and the end chunk: no pixels.
	 */
	private static byte[] pngHeader(int width, int height) {
		ByteBuffer header = ByteBuffer.allocate(13);
		header.putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		png.writeBytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' });
		png.writeBytes(chunk("IHDR", header.array()));
		png.writeBytes(chunk("IEND", new byte[0]));
		return png.toByteArray();
	}

	private static byte[] chunk(String type, byte[] data) {
		byte[] name = type.getBytes(StandardCharsets.US_ASCII);
		CRC32 crc = new CRC32();
		crc.update(name);
		crc.update(data);
		return ByteBuffer.allocate(12 + data.length)
			.putInt(data.length)
			.put(name)
			.put(data)
			.putInt((int) crc.getValue())
			.array();
	}

}
