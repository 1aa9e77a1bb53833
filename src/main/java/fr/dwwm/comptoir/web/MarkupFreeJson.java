package fr.dwwm.comptoir.web;

import tools.jackson.core.SerializableString;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;

/**
 * JSON answers of the shop never hold markup: {@code <} and {@code >} inside a string are
 * written as JSON Unicode escapes (a backslash, then {@code u003c} or {@code u003e}),
 * which every JSON reader turns back into the same characters.
 *
 * <p>
 * The search API echoes what the visitor typed ({@code "query"}, so that its script can
 * tell whether the answer is still current) and product names written by staff. Served as
 * {@code application/json} with {@code nosniff}, that is not an XSS by itself; but a JSON
 * answer that holds {@code "><svg onload=alert(1)>} becomes one the day a script puts it
 * into {@code innerHTML}, a proxy or an old browser sniffs it as HTML, or a page inlines
 * it in a {@code <script>} block ({@code </script>} closes it). Escaping the two
 * characters that open and close an element removes the whole class, whatever the field,
 * as Gson and ASP.NET do by default. Quotes and ampersands are left alone: they cannot
 * start an element, and French texts are full of apostrophes.
 *
 * <p>
 * Spring Boot uses this converter instead of its own (it backs off when one is declared)
 * and keeps its configured {@link JsonMapper}; only the writing of the answers changes.
 */
@Configuration(proxyBeanMethods = false)
class MarkupFreeJson {

	private static final CharacterEscapes ESCAPES = new AngleBrackets();

	@Bean
	JacksonJsonHttpMessageConverter jacksonJsonHttpMessageConverter(JsonMapper jsonMapper) {
		return new JacksonJsonHttpMessageConverter(jsonMapper) {

			@Override
			protected ObjectWriter customizeWriter(ObjectWriter writer, JavaType javaType, MediaType contentType) {
				return super.customizeWriter(writer, javaType, contentType).with(ESCAPES);
			}

			/**
			 * Text, bytes and files are left to the converters made for them. Declared as
			 * a bean, this converter is tried before Spring's defaults; without this, a
			 * {@code String} answer would come out as a JSON string, quotes included.
			 */
			@Override
			public boolean canWrite(ResolvableType targetType, Class<?> valueClass, MediaType mediaType) {
				if (CharSequence.class.isAssignableFrom(valueClass) || byte[].class == valueClass
						|| Resource.class.isAssignableFrom(valueClass)) {
					return false;
				}
				return super.canWrite(targetType, valueClass, mediaType);
			}

		};
	}

	/** JSON's own escapes, plus {@code <} and {@code >} as Unicode escapes. */
	static final class AngleBrackets extends CharacterEscapes {

		private static final long serialVersionUID = 1L;

		private final int[] ascii;

		AngleBrackets() {
			this.ascii = standardAsciiEscapesForJSON();
			this.ascii['<'] = ESCAPE_STANDARD;
			this.ascii['>'] = ESCAPE_STANDARD;
		}

		@Override
		public int[] getEscapeCodesForAscii() {
			return this.ascii;
		}

		@Override
		public SerializableString getEscapeSequence(int ch) {
			// Only standard escapes are asked for: Jackson writes them itself.
			return null;
		}

	}

}
