package fr.dwwm.comptoir.web;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import fr.dwwm.comptoir.security.ContentSecurityPolicyFilter;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A fragment is rendered once per arguments and language; the CSRF token of its forms is
 * each visitor's own, and it is never kept when it holds another part that belongs to one
 * visitor. The pages that use it (product cards) are tested in
 * {@code StorefrontPagesTests}.
 */
class FragmentCacheTests {

	private static final String CARD = "catalog/fragments :: card";

	private final CountingTemplateRenderer renderer = new CountingTemplateRenderer();

	private final FragmentCache cache = new FragmentCache(this.renderer);

	private MockHttpServletRequest request;

	@BeforeEach
	void visitorInFrench() {
		visit(Locale.FRENCH);
	}

	@AfterEach
	void endOfRequest() {
		RequestContextHolder.resetRequestAttributes();
	}

	@Test
	void theSameArgumentsInTheSameLanguageAreRenderedOnce() {
		String first = this.cache.html(CARD, Map.of("name", "Miel", "price", 850));
		visit(Locale.FRENCH);
		String second = this.cache.html(CARD, Map.of("name", "Miel", "price", 850));

		assertThat(second).isEqualTo(first);
		assertThat(this.renderer.rendered).containsExactly("catalog/fragments [card] {name=Miel, price=850} fr");
	}

	@Test
	void otherArgumentsSuchAsANewPriceAreRenderedAnew() {
		this.cache.html(CARD, Map.of("name", "Miel", "price", 850));
		String changed = this.cache.html(CARD, Map.of("name", "Miel", "price", 900));

		assertThat(changed).contains("price=900");
		assertThat(this.renderer.rendered).hasSize(2);
	}

	@Test
	void anotherLanguageIsRenderedAnew() {
		this.cache.html(CARD, Map.of("name", "Miel"));
		visit(Locale.ENGLISH);
		String english = this.cache.html(CARD, Map.of("name", "Miel"));

		assertThat(english).endsWith(" en");
		assertThat(this.renderer.rendered).hasSize(2);
	}

	@Test
	void aMapChangedByTheCallerAfterwardsDoesNotChangeWhatIsKept() {
		Map<String, Object> arguments = new HashMap<>(Map.of("name", "Miel"));
		this.cache.html(CARD, arguments);
		arguments.put("name", "Thé");

		assertThat(this.cache.html(CARD, Map.of("name", "Miel"))).contains("name=Miel");
		assertThat(this.renderer.rendered).hasSize(1);
	}

	@Test
	void aFormIsKeptWithoutItsTokenAndEachVisitorGetsTheirOwnTokenInIt() {
		withCsrfToken("jeton-de-camille");
		this.renderer.extra = "<form method=\"post\"><input type=\"hidden\" name=\"_csrf\" value=\"jeton-de-camille\"></form>";
		String camilles = this.cache.html(CARD, Map.of("name", "Miel"));
		visit(Locale.FRENCH);
		withCsrfToken("jeton-de-dominique");
		String dominiques = this.cache.html(CARD, Map.of("name", "Miel"));

		assertThat(this.renderer.rendered).as("rendered once").hasSize(1);
		assertThat(camilles).contains("value=\"jeton-de-camille\"");
		assertThat(dominiques).contains("value=\"jeton-de-dominique\"").doesNotContain("jeton-de-camille");
	}

	@Test
	void aCsrfFieldWithAnotherTokenThanThisRequestsIsRenderedOnEachUseAndNeverKept() {
		this.renderer.extra = "<input type=\"hidden\" name=\"_csrf\" value=\"token-of-this-visitor\">";
		this.cache.html(CARD, Map.of("name", "Miel"));
		withCsrfToken("another-token");
		this.cache.html(CARD, Map.of("name", "Miel"));

		assertThat(this.renderer.rendered).hasSize(2);
		assertThat(this.cache.size()).isZero();
	}

	@Test
	void aFragmentRenderedWithoutACsrfTokenIsNeverServedToARequestThatHasOne() {
		// An error page may be rendered without a token: its forms have no field.
		this.renderer.extra = "<form method=\"post\"></form>";
		this.cache.html(CARD, Map.of("name", "Miel"));
		visit(Locale.FRENCH);
		withCsrfToken("jeton-de-camille");
		this.renderer.extra = "<form method=\"post\"><input type=\"hidden\" name=\"_csrf\" value=\"jeton-de-camille\"></form>";

		assertThat(this.cache.html(CARD, Map.of("name", "Miel"))).contains("jeton-de-camille");
		assertThat(this.renderer.rendered).hasSize(2);
	}

	@Test
	void htmlHoldingThisRequestsScriptNonceIsRenderedOnEachUseAndNeverKept() {
		this.request.setAttribute(ContentSecurityPolicyFilter.NONCE_ATTRIBUTE, "n0nce-of-this-page");
		this.renderer.extra = "<script nonce=\"n0nce-of-this-page\"></script>";
		this.cache.html(CARD, Map.of("name", "Miel"));
		this.cache.html(CARD, Map.of("name", "Miel"));

		assertThat(this.renderer.rendered).hasSize(2);
		assertThat(this.cache.size()).isZero();
	}

	@Test
	void templatesGiveNamesAndValuesInPairsWhichMakeTheSameKeyAsAMap() {
		this.cache.html(CARD, "name", "Miel", "price", 850);
		this.cache.html(CARD, Map.of("name", "Miel", "price", 850));

		assertThat(this.renderer.rendered).containsExactly("catalog/fragments [card] {name=Miel, price=850} fr");
		assertThatIllegalArgumentException().isThrownBy(() -> this.cache.html(CARD, "name", "Miel", "price"))
			.withMessageContaining("pairs");
	}

	@Test
	void aNameWithoutFragmentIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.cache.html("catalog/fragments", Map.of()))
			.withMessageContaining("template :: fragment");
	}

	private void withCsrfToken(String token) {
		this.request.setAttribute(CsrfToken.class.getName(), new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", token));
	}

	private void visit(Locale locale) {
		this.request = new MockHttpServletRequest("GET", "/products");
		this.request.setAttribute(DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE, new FixedLocaleResolver(locale));
		RequestContextHolder
			.setRequestAttributes(new ServletRequestAttributes(this.request, new MockHttpServletResponse()));
	}

}
