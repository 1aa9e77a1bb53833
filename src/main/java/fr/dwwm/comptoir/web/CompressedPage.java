package fr.dwwm.comptoir.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import org.apache.tomcat.util.http.parser.AcceptEncoding;

/**
 * A kept page compressed once, for the browsers that accept gzip (all of them). The parts
 * of its text between two values of a request (nonce, CSRF token, cart badge) are
 * deflated once; serving the page puts this visitor's values between them as
 * <em>stored</em> blocks (copied as they are, RFC 1951 §3.2.4) and ends the gzip member
 * with the checksum of what the visitor reads (RFC 1952). Compressing a 30 KB page again
 * for each visitor cost about 0.45 ms of processor, a third of serving it.
 *
 * <p>
 * <strong>As small as compressed whole.</strong> Each part is compressed with the text
 * before it as its dictionary, where every value is replaced by as many NUL bytes as the
 * value has: what the browser has inflated before the part has the same length, so a
 * back-reference lands on the same text. No back-reference can land on a value: the parts
 * hold no NUL (the page cache keeps no page that does), and a match copies equal bytes
 * only. The lengths of the values are thus part of the compression: the nonce and the
 * token always have the same, the badge a few ({@code 2} or {@code 12}, « 1 article » or
 * « 2 articles »), so a page is compressed once per set of lengths met, on first use, at
 * most {@value #MOST_LENGTHS} times; past that, the page is sent as it is, and Tomcat
 * compresses it as any other response.
 *
 * <p>
 * <strong>Values never compressed.</strong> The size of a response cannot tell anything
 * about the CSRF token it carries: the BREACH attack needs a secret compressed together
 * with text the attacker chooses.
 */
final class CompressedPage {

	/** The most sets of value lengths a page is compressed for. */
	static final int MOST_LENGTHS = 16;

	/** A gzip member's header: deflate, no name, no time, unknown system. */
	private static final byte[] HEADER = { 0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff };

	/** An empty stored block marked as the last one. */
	private static final byte[] LAST_BLOCK = { 1, 0, 0, (byte) 0xff, (byte) 0xff };

	/** The longest stored block. */
	private static final int STORED_BLOCK = 65_535;

	/** How far back deflate may refer. */
	private static final int WINDOW = 32_768;

	/** Header, last block, checksum and length. */
	private static final int FRAMING = HEADER.length + LAST_BLOCK.length + 8;

	private final byte[][] texts;

	/** The compressed parts, per lengths of the values between them. */
	private final Map<List<Integer>, byte[][]> compressed = new ConcurrentHashMap<>();

	/** Held while a new set of lengths is compressed. */
	private final Object compressing = new Object();

	private CompressedPage(byte[][] texts) {
		this.texts = texts;
	}

	/**
	 * A page to compress.
	 * @param texts the page's text in UTF-8, cut where a request's values go (kept as
	 * given, never changed), none holding a NUL byte
	 * @return the page, compressed on first use for each set of value lengths
	 */
	static CompressedPage of(byte[][] texts) {
		for (byte[] text : texts) {
			for (byte b : text) {
				if (b == 0) {
					throw new IllegalArgumentException("A part of a page to compress holds a NUL");
				}
			}
		}
		return new CompressedPage(texts);
	}

	/**
	 * The page as one gzip member, with these values.
	 * @param values one value per place between two parts, in order
	 * @return what the response sends with {@code Content-Encoding: gzip}, or
	 * {@code null} when the page was already compressed for {@value #MOST_LENGTHS} other
	 * sets of lengths
	 */
	byte[] gzip(byte[][] values) {
		if (values.length != this.texts.length - 1) {
			throw new IllegalArgumentException(
					"A page of " + this.texts.length + " parts takes " + (this.texts.length - 1) + " values");
		}
		List<Integer> lengths = Arrays.stream(values).map((value) -> value.length).toList();
		byte[][] parts = this.compressed.get(lengths);
		if (parts == null) {
			// Rare (a new set of lengths): one at a time, so that the bound is exact.
			synchronized (this.compressing) {
				parts = this.compressed.get(lengths);
				if (parts == null) {
					if (this.compressed.size() >= MOST_LENGTHS) {
						return null;
					}
					parts = compress(lengths);
					this.compressed.put(lengths, parts);
				}
			}
		}
		return member(parts, values);
	}

	private byte[] member(byte[][] parts, byte[][] values) {
		int length = FRAMING;
		for (byte[] part : parts) {
			length += part.length;
		}
		for (byte[] value : values) {
			length += value.length + 5 * ((value.length + STORED_BLOCK - 1) / STORED_BLOCK);
		}
		byte[] gzip = new byte[length];
		int at = copy(HEADER, gzip, 0);
		CRC32 checksum = new CRC32();
		long size = 0;
		for (int i = 0; i < parts.length; i++) {
			at = copy(parts[i], gzip, at);
			checksum.update(this.texts[i]);
			size += this.texts[i].length;
			if (i < values.length) {
				at = stored(values[i], gzip, at);
				checksum.update(values[i]);
				size += values[i].length;
			}
		}
		at = copy(LAST_BLOCK, gzip, at);
		at = littleEndian((int) checksum.getValue(), gzip, at);
		littleEndian((int) size, gzip, at);
		return gzip;
	}

	/**
	 * Deflates each part with what precedes it as its dictionary, each value standing as
	 * NUL bytes of its length.
	 */
	private byte[][] compress(List<Integer> lengths) {
		byte[][] parts = new byte[this.texts.length][];
		ByteArrayOutputStream before = new ByteArrayOutputStream();
		Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
		try {
			for (int i = 0; i < this.texts.length; i++) {
				deflater.reset();
				int dictionary = Math.min(before.size(), WINDOW);
				if (dictionary > 0) {
					deflater.setDictionary(before.toByteArray(), before.size() - dictionary, dictionary);
				}
				parts[i] = deflate(deflater, this.texts[i]);
				before.writeBytes(this.texts[i]);
				if (i < lengths.size()) {
					before.writeBytes(new byte[lengths.get(i)]);
				}
			}
		}
		finally {
			deflater.end();
		}
		return parts;
	}

	/**
	 * Deflates a part up to a byte boundary (a sync flush), without ending the stream:
	 * whatever comes next (a stored block, the next part) can follow it.
	 */
	private static byte[] deflate(Deflater deflater, byte[] text) {
		deflater.setInput(text);
		ByteArrayOutputStream out = new ByteArrayOutputStream(text.length / 3 + 64);
		byte[] buffer = new byte[8192];
		int written;
		do {
			written = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
			out.write(buffer, 0, written);
		}
		while (written == buffer.length);
		if (!deflater.needsInput()) {
			throw new IllegalStateException("A part was not deflated whole");
		}
		return out.toByteArray();
	}

	/**
	 * Whether Tomcat would compress a response to this request: read by Tomcat's own
	 * parser, with its rule (its {@code CompressionConfig}): {@code gzip} or {@code *}
	 * with a quality above zero, unless {@code gzip} is refused with a quality of zero
	 * anywhere; a header it cannot read, no. A kept page is thus sent compressed exactly
	 * when the same page rendered would be.
	 * @param acceptEncoding the request's {@code Accept-Encoding} headers
	 * @return {@code true} to answer in gzip
	 */
	static boolean acceptedBy(Enumeration<String> acceptEncoding) {
		boolean accepted = false;
		while (acceptEncoding != null && acceptEncoding.hasMoreElements()) {
			List<AcceptEncoding> codings;
			try {
				codings = AcceptEncoding.parse(new StringReader(acceptEncoding.nextElement()));
			}
			catch (IOException ex) {
				return false;
			}
			for (AcceptEncoding coding : codings) {
				boolean gzip = "gzip".equalsIgnoreCase(coding.getEncoding());
				if (gzip && coding.getQuality() == 0) {
					return false;
				}
				accepted |= (gzip || "*".equals(coding.getEncoding())) && coding.getQuality() > 0;
			}
		}
		return accepted;
	}

	/** Writes a value as stored blocks (a header byte, the length and its complement). */
	private static int stored(byte[] value, byte[] gzip, int at) {
		for (int from = 0; from < value.length; from += STORED_BLOCK) {
			int length = Math.min(STORED_BLOCK, value.length - from);
			gzip[at++] = 0;
			gzip[at++] = (byte) length;
			gzip[at++] = (byte) (length >>> 8);
			gzip[at++] = (byte) ~length;
			gzip[at++] = (byte) (~length >>> 8);
			System.arraycopy(value, from, gzip, at, length);
			at += length;
		}
		return at;
	}

	private static int copy(byte[] bytes, byte[] gzip, int at) {
		System.arraycopy(bytes, 0, gzip, at, bytes.length);
		return at + bytes.length;
	}

	private static int littleEndian(int value, byte[] gzip, int at) {
		for (int i = 0; i < 4; i++) {
			gzip[at + i] = (byte) (value >>> (8 * i));
		}
		return at + 4;
	}

}
