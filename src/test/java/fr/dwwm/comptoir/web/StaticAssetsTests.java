package fr.dwwm.comptoir.web;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.dwwm.comptoir.test.Http;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import fr.dwwm.comptoir.test.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shop's own CSS, JavaScript and images are served under a content hash, cached for a
 * year and compressed; nothing is fetched from another site.
 */
@IntegrationTest
class StaticAssetsTests {

	private static final Pattern STYLESHEET = Pattern.compile("href=\"(/css/comptoir-[0-9a-f]{32}\\.css)\"");

	@LocalServerPort
	private int port;

	@Test
	void ownStylesheetIsContentHashedCachedForAYearAndCompressed() {
		Http http = new Http(this.port);
		Matcher matcher = STYLESHEET.matcher(http.get("/").body());
		assertThat(matcher.find()).as("hashed stylesheet link on the home page").isTrue();
		HttpResponse<byte[]> css = http.getBytes(matcher.group(1), "Accept-Encoding", "gzip");
		assertThat(css.statusCode()).isEqualTo(200);
		assertThat(css.headers().firstValue("Cache-Control"))
			.hasValueSatisfying((value) -> assertThat(value).contains("max-age=31536000").contains("public"));
		assertThat(css.headers().firstValue("Content-Encoding")).hasValue("gzip");
	}

	@Test
	void bootstrapComesFromTheWebJarOnThisServer() {
		Http http = new Http(this.port);
		String home = http.get("/").body();
		assertThat(home).containsPattern("href=\"/webjars/bootstrap/5[.0-9]+/css/bootstrap\\.min-[0-9a-f]{32}\\.css\"");
		HttpResponse<String> bootstrap = http.get("/webjars/bootstrap/css/bootstrap.min.css");
		assertThat(bootstrap.statusCode()).isEqualTo(200);
	}

	@Test
	void nothingIsLoadedFromAnotherSite() {
		Document home = Jsoup.parse(new Http(this.port).get("/").body());
		assertThat(home.select("script[src], link[rel=stylesheet], link[rel=icon], img[src], source[srcset]"))
			.isNotEmpty()
			.allSatisfy((element) -> assertThat(element.attr("src") + element.attr("href") + element.attr("srcset"))
				.as(element.outerHtml())
				.startsWith("/")
				.doesNotStartWith("//"));
	}

	@Test
	void pagesAreCompressed() {
		HttpResponse<byte[]> home = new Http(this.port).getBytes("/", "Accept-Encoding", "gzip");
		assertThat(home.headers().firstValue("Content-Encoding")).hasValue("gzip");
	}

}
