package fr.dwwm.comptoir.web;

import java.net.http.HttpResponse;
import java.util.Map;

import fr.dwwm.comptoir.test.Http;
import fr.dwwm.comptoir.test.IntegrationTest;
import fr.dwwm.comptoir.test.TestEndpoints;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Errors are shown in the shop's layout, in French, and never reveal how the shop works
 * inside (OWASP ASVS 13.4, ANSSI DAT-NT-009 R10). Tested over real HTTP, since error
 * pages are rendered by the servlet container's error dispatch.
 */
@IntegrationTest
class ErrorPagesTests {

	@LocalServerPort
	private int port;

	private Http http;

	@BeforeEach
	void newVisitor() {
		this.http = new Http(this.port);
	}

	@Test
	void anUnknownPageShowsAFrenchNotFoundPageInTheLayout() {
		HttpResponse<String> response = this.http.get("/no-such-page", "Accept", "text/html");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("<html lang=\"fr\">")
			.contains("Page introuvable")
			.contains("class=\"site-header\"")
			.contains("class=\"site-footer\"");
	}

	@Test
	void aFailureShowsAFrenchInternalErrorPageWithoutAnyDetail() {
		HttpResponse<String> response = this.http.get("/test/failure", "Accept", "text/html");
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.body()).contains("Erreur interne");
		assertNoInternals(response.body());
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void aFailureShowsTheReferenceItsLogLinesCarry(CapturedOutput output) {
		HttpResponse<String> response = this.http.get("/test/failure", "Accept", "text/html");
		String reference = response.headers().firstValue("X-Request-Id").orElseThrow();
		assertThat(reference).matches("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
		assertThat(Jsoup.parse(response.body()).select(".error-page__reference code").text()).isEqualTo(reference);
		assertThat(output.getOut().lines().filter((line) -> line.contains("[" + reference + "]")))
			.as("the failure logged with the reference the customer reads")
			.anyMatch((line) -> line.contains("Request GET /test/failure failed"));
		HttpResponse<String> another = this.http.get("/no-such-page", "Accept", "text/html");
		assertThat(another.headers().firstValue("X-Request-Id").orElseThrow()).isNotEqualTo(reference);
		assertThat(Jsoup.parse(another.body()).select(".error-page__reference")).as("only for a server failure")
			.isEmpty();
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void answersGivenByTheSecurityFiltersCarryAReferenceTooAndSoDoTheirLogLines(CapturedOutput output) {
		HttpResponse<String> toLogin = this.http.get("/account", "Accept", "text/html");
		assertThat(toLogin.statusCode()).isEqualTo(302);
		assertThat(toLogin.headers().firstValue("X-Request-Id")).as("a page that sends to the login first").isPresent();
		HttpResponse<String> refused = this.http.submit("POST", "/login",
				Map.of("email", "client@example.org", "password", "whatever"));
		assertThat(refused.statusCode()).isEqualTo(403);
		String reference = refused.headers().firstValue("X-Request-Id").orElseThrow();
		assertThat(Jsoup.parse(refused.body()).text()).as("the refusal page").contains("Accès refusé");
		assertThat(output.getOut().lines().filter((line) -> line.contains("[" + reference + "]")))
			.as("the CSRF refusal logged with the reference of its answer")
			.anyMatch((line) -> line.contains("CSRF"));
	}

	@Test
	void aFailureAnsweredAsJsonHasNoDetailEither() {
		HttpResponse<String> response = this.http.get("/test/failure", "Accept", "application/json");
		assertThat(response.statusCode()).isEqualTo(500);
		assertNoInternals(response.body());
	}

	@Test
	void anUnavailableServiceShowsAFrench503Page() {
		HttpResponse<String> response = this.http.get("/test/unavailable", "Accept", "text/html");
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.body()).contains("Service momentanément indisponible");
		assertNoInternals(response.body());
	}

	@Test
	void aBadRequestShowsAFrench400Page() {
		HttpResponse<String> response = this.http.get("/test/bad-request", "Accept", "text/html");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("Demande incorrecte");
		assertNoInternals(response.body());
	}

	@Test
	void aWrongMethodShowsAFrench405Page() {
		String token = this.http.csrfToken("/login");
		HttpResponse<String> response = this.http.submit("POST", "/", Map.of("_csrf", token));
		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(response.body()).contains("Action non autorisée");
	}

	@Test
	void aFormPostedWithoutItsCsrfTokenShowsAFrench403Page() {
		HttpResponse<String> response = this.http.submit("POST", "/login",
				Map.of("email", "client@example.org", "password", "whatever"));
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("Accès refusé");
	}

	@Test
	void traceIsRefused() {
		HttpResponse<String> response = this.http.send("TRACE", "/");
		assertThat(response.statusCode()).isEqualTo(405);
	}

	@Test
	void errorPagesFollowTheChosenLanguage() {
		HttpResponse<String> response = this.http.get("/no-such-page?lang=en", "Accept", "text/html");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("<html lang=\"en\">").contains("Page not found");
	}

	private static void assertNoInternals(String body) {
		assertThat(body).doesNotContain(TestEndpoints.SECRET_FAILURE)
			.doesNotContain("Exception")
			.doesNotContain("at org.")
			.doesNotContain("at fr.dwwm")
			.doesNotContain("trace");
	}

}
