package fr.dwwm.comptoir.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A page compressed once in parts, served with each visitor's values: what a browser
 * inflates is exactly the page with those values, checksum and length included.
 */
class CompressedPageTests {

	private static final byte[][] PAGE = { utf8("<!DOCTYPE html><html lang=\"fr\"><head><script nonce=\""),
			utf8("\"></script></head><body><h1>Confiture de figues — 6,90 €</h1><input name=\"_csrf\" value=\""),
			utf8(""), utf8("\"><span data-cart-count>"), utf8("</span></body></html>") };

	@Test
	void aPageInflatesToItsTextWithThisVisitorsValuesInPlace() throws IOException {
		CompressedPage page = CompressedPage.of(PAGE);
		byte[][] values = { utf8("Zr4_nonce"), utf8("token-"), utf8("Ab9xYz"), utf8("12") };

		String inflated = inflate(page.gzip(values));

		assertThat(inflated).isEqualTo("<!DOCTYPE html><html lang=\"fr\"><head><script nonce=\"Zr4_nonce"
				+ "\"></script></head><body><h1>Confiture de figues — 6,90 €</h1><input name=\"_csrf\" value=\"token-"
				+ "Ab9xYz\"><span data-cart-count>12</span></body></html>");
	}

	@Test
	void theSamePageServesValuesOfAnyLengthEmptyOnesIncluded() throws IOException {
		CompressedPage page = CompressedPage.of(PAGE);
		for (String count : List.of("", "1", "1234567")) {
			byte[][] values = { utf8("n"), utf8(""), utf8("é"), utf8(count) };
			assertThat(inflate(page.gzip(values))).contains("value=\"é\"><span data-cart-count>" + count + "</span>");
		}
	}

	@Test
	void aLargePageAndAValueLongerThanOneStoredBlockInflateWhole() throws IOException {
		Random random = new Random(42);
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < 200_000; i++) {
			text.append((char) ('a' + random.nextInt(26)));
		}
		byte[] large = utf8(text.toString());
		byte[] longValue = utf8("v".repeat(70_000));
		CompressedPage page = CompressedPage.of(new byte[][] { large, large });

		assertThat(inflate(page.gzip(new byte[][] { longValue }))).isEqualTo(text + "v".repeat(70_000) + text);
	}

	@Test
	void aPageCompressedInPartsIsAboutAsSmallAsThePageCompressedWhole() throws IOException {
		// 32 KB of the shop's templates, the size of a page, cut at five places as a kept
		// page is at its values.
		StringBuilder templates = new StringBuilder();
		for (String template : List.of("fragments/layout", "catalog/product", "cart/cart", "order/checkout")) {
			templates.append(Files.readString(Path.of("src/main/resources/templates/" + template + ".html")));
		}
		String layout = templates.toString();
		byte[][] texts = new byte[6][];
		byte[][] values = new byte[5][];
		int from = 0;
		StringBuilder whole = new StringBuilder();
		for (int i = 0; i < 5; i++) {
			int to = layout.length() * (i + 1) / 6;
			texts[i] = utf8(layout.substring(from, to));
			values[i] = utf8("value-" + "x".repeat(10 * i));
			whole.append(layout, from, to).append("value-").append("x".repeat(10 * i));
			from = to;
		}
		texts[5] = utf8(layout.substring(from));
		whole.append(layout.substring(from));

		byte[] parts = CompressedPage.of(texts).gzip(values);

		assertThat(inflate(parts)).isEqualTo(whole.toString());
		assertThat(parts.length).as("compressed whole: %d bytes", gzipped(whole.toString()))
			.isLessThan(gzipped(whole.toString()) * 105 / 100);
	}

	@Test
	void aPageMetWithTooManyLengthsOfValuesIsLeftForTomcatToCompress() throws IOException {
		CompressedPage page = CompressedPage.of(PAGE);
		for (int length = 0; length < CompressedPage.MOST_LENGTHS; length++) {
			assertThat(page.gzip(new byte[][] { utf8("n"), utf8(""), utf8("t"), utf8("9".repeat(length)) }))
				.isNotNull();
		}

		assertThat(page.gzip(new byte[][] { utf8("n"), utf8(""), utf8("t"), utf8("9".repeat(99)) })).isNull();
		assertThat(inflate(page.gzip(new byte[][] { utf8("N"), utf8(""), utf8("T"), utf8("12") })))
			.as("lengths already met")
			.contains("data-cart-count>12<");
	}

	@Test
	void aPageWhosePartsHoldANulIsRefused() {
		// NUL stands for the values in the dictionary: a part holding one could refer to
		// a
		// value.
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CompressedPage.of(new byte[][] { utf8("a\u0000b"), utf8("c") }));
	}

	@Test
	void theValuesAreSentAsTheyAreNeverCompressedWithThePage() {
		// A secret compressed with text an attacker chooses gives its bytes away through
		// the size of the response (BREACH): the values are never compressed.
		byte[] token = utf8("Secret-CSRF-token-7f3a9c");
		byte[] gzip = CompressedPage.of(PAGE).gzip(new byte[][] { utf8("n"), token, utf8("x"), utf8("2") });

		assertThat(new String(gzip, StandardCharsets.ISO_8859_1)).contains("Secret-CSRF-token-7f3a9c");
	}

	@Test
	void aPageTakesExactlyOneValueBetweenTwoParts() {
		CompressedPage page = CompressedPage.of(PAGE);
		assertThatIllegalArgumentException().isThrownBy(() -> page.gzip(new byte[][] { utf8("n") }));
	}

	@Test
	void gzipIsSentOnlyToARequestThatNamesItWithoutAZeroQuality() {
		assertThat(accepts("gzip, deflate, br, zstd")).isTrue();
		assertThat(accepts("br;q=1.0, GZIP ; q=0.5")).isTrue();
		assertThat(accepts("deflate", "gzip")).isTrue();
		assertThat(accepts("gzip;q=0")).isFalse();
		assertThat(accepts("gzip;q=0.000")).isFalse();
		assertThat(accepts("gzip;q=not-a-number")).as("unreadable: sent as it is").isFalse();
		assertThat(accepts("gzip;q")).isFalse();
		assertThat(accepts("deflate, br")).isFalse();
		assertThat(accepts("x-gzip")).isFalse();
		assertThat(accepts("*")).as("any coding, gzip included").isTrue();
		assertThat(accepts("gzip, gzip;q=0")).as("refused anywhere: refused").isFalse();
		assertThat(accepts("*", "gzip;q=0")).isFalse();
		assertThat(accepts()).isFalse();
		assertThat(CompressedPage.acceptedBy(null)).isFalse();
	}

	private static boolean accepts(String... headers) {
		return CompressedPage.acceptedBy(Collections.enumeration(List.of(headers)));
	}

	/** Inflates as a browser does; GZIPInputStream checks the checksum and the length. */
	private static String inflate(byte[] gzip) throws IOException {
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
			byte[] text = in.readAllBytes();
			// The member ends the response: its last four bytes are the length read.
			assertThat(ByteBuffer.wrap(gzip, gzip.length - 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt())
				.isEqualTo(text.length);
			return new String(text, StandardCharsets.UTF_8);
		}
	}

	private static int gzipped(String text) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(utf8(text));
		}
		return out.size();
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
