package fr.dwwm.comptoir.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Formats weights for pages, in the visitor's language: grams below a kilogram, else
 * kilograms with at most two decimals ({@code 450 g}, {@code 1,25 kg}). Weights are whole
 * grams. Templates call it as {@code ${@weights.format(grams)}}.
 */
@Component("weights")
public class Weights {

	/**
	 * Formats a weight.
	 * @param grams the weight
	 * @return e.g. {@code 1,2 kg}
	 */
	public String format(long grams) {
		Locale locale = Locale.ENGLISH.getLanguage().equals(LocaleContextHolder.getLocale().getLanguage()) ? Locale.UK
				: Locale.FRANCE;
		if (grams < 1000) {
			return NumberFormat.getIntegerInstance(locale).format(grams) + " g";
		}
		NumberFormat kilograms = NumberFormat.getNumberInstance(locale);
		kilograms.setMaximumFractionDigits(2);
		return kilograms.format(BigDecimal.valueOf(grams, 3)) + " kg";
	}

}
