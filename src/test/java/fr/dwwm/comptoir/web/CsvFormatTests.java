package fr.dwwm.comptoir.web;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CSV cells: nothing a spreadsheet would run as a formula is written as is, and every
 * value is read back exactly as it was.
 */
class CsvFormatTests {

	@ParameterizedTest
	@ValueSource(strings = { "=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "=", "-12,50" })
	void aValueAFormulaCouldStartWithIsQuotedBehindAProtectiveApostrophe(String value) {
		String cell = CsvFormat.cell(value);
		assertThat(cell).startsWith("\"'");
		assertThat(readOne(cell)).isEqualTo("'" + value);
	}

	@ParameterizedTest
	@ValueSource(strings = { "=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "'=1", "''", "'''",
			"'", "'Tis the season", "Confiture « maison »; 250 g", "Deux\nlignes", "\"citation\"", "", "12,50",
			"Miel = or", " =1" })
	void everyValueComesBackExactlyFromItsCell(String value) {
		assertThat(CsvFormat.value(readOne(CsvFormat.cell(value)))).isEqualTo(value);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Miel de lavande", "'Tis the season", "12,50", "oui", "" })
	void anOrdinaryValueIsWrittenAsItIs(String value) {
		assertThat(CsvFormat.cell(value)).isEqualTo(value);
	}

	@ParameterizedTest
	@ValueSource(strings = { "=1", "+1", "-1", "@A1", "\t=1", "\r=1" })
	void noCellOfALineStartsLikeAFormula(String value) throws IOException {
		List<String> cells = CsvFormat.parse(new StringReader(CsvFormat.line(List.of("SKU-1", value, value)))).get(0);
		assertThat(cells).hasSize(3)
			.allSatisfy((cell) -> assertThat(CsvFormat.FORMULA_STARTS.indexOf(cell.charAt(0))).isNegative());
	}

	private static String readOne(String cell) {
		try {
			return CsvFormat.parse(new StringReader(cell + "\r\n")).get(0).get(0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
