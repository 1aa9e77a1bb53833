package fr.dwwm.comptoir.module;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import fr.dwwm.comptoir.module.api.DisplayHook;
import fr.dwwm.comptoir.module.api.HookContext;
import fr.dwwm.comptoir.module.api.ModuleDescriptor;
import fr.dwwm.comptoir.module.api.ModuleView;
import fr.dwwm.comptoir.module.api.Setting;
import fr.dwwm.comptoir.module.api.ShopModule;
import fr.dwwm.comptoir.system.PublicUrl;
import fr.dwwm.comptoir.web.CountingTemplateRenderer;
import fr.dwwm.comptoir.web.FragmentCache;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A module's block is rendered once and shared only when the module says it reads nothing
 * but its model, settings and messages; anything that could belong to one visitor (a form
 * with its CSRF field, a message left for the next page) is rendered for each page.
 */
class HookRendererTests {

	private static final String HOOK = DisplayHook.FOOTER;

	private final CountingTemplateRenderer templates = new CountingTemplateRenderer();

	private final SavedStates states = new SavedStates();

	private ModuleView view = ModuleView.of("modules/promise/block");

	private final HookRenderer renderer = new HookRenderer(
			new ModuleRegistry(List.of(new PromiseModule()), this.states, PublicUrl.of("http://localhost:8080")),
			this.templates, Optional::empty, new FragmentCache(this.templates));

	@AfterEach
	void endOfRequest() {
		RequestContextHolder.resetRequestAttributes();
	}

	@Test
	void aBlockTheModuleDeclaresShareableIsRenderedOnceAndEveryVisitorGetsTheSameHtml() {
		this.view = ModuleView.shareable("modules/promise/block", Map.of("link", "/livraison"));

		String first = renderForAVisitor();
		String second = renderForAVisitor();

		assertThat(second).isEqualTo(first).contains("link=/livraison");
		assertThat(this.templates.rendered).hasSize(1);
	}

	@Test
	void aBlockTheModuleDoesNotDeclareShareableIsRenderedForEachPage() {
		renderForAVisitor();
		renderForAVisitor();

		assertThat(this.templates.rendered).hasSize(2);
	}

	@Test
	void settingsSavedInTheBackOfficeShowOnTheNextPage() {
		this.view = ModuleView.shareable("modules/promise/block", Map.of());
		renderForAVisitor();
		this.states.text = "Livraison en 24 h";
		renderForAVisitor();

		assertThat(this.templates.rendered).hasSize(2);
	}

	@Test
	void aShareableBlockThatTurnsOutToHoldAFormIsRenderedForEachPageAndNeverShared() {
		this.view = ModuleView.shareable("modules/promise/block", Map.of());
		this.templates.extra = "<input type=\"hidden\" name=\"_csrf\" value=\"token-of-this-visitor\">";

		renderForAVisitor();
		renderForAVisitor();

		assertThat(this.templates.rendered).hasSize(2);
	}

	@Test
	void aMessageLeftForThisPageByTheModulesControllerIsRenderedNotTakenFromWhatWasShared() {
		this.view = ModuleView.shareable("modules/promise/block", Map.of());
		renderForAVisitor();

		MockHttpServletRequest request = visit();
		FlashMap flash = new FlashMap();
		flash.put("promiseOutcome", "module.promise.thanks");
		request.setAttribute(DispatcherServlet.INPUT_FLASH_MAP_ATTRIBUTE, flash);
		String withMessage = render(request);

		assertThat(withMessage).contains("promiseOutcome=module.promise.thanks");
		assertThat(this.templates.rendered).hasSize(2);
	}

	private String renderForAVisitor() {
		return render(visit());
	}

	private String render(HttpServletRequest request) {
		return this.renderer.render(HOOK, null, Locale.FRENCH, request, new MockHttpServletResponse());
	}

	private static MockHttpServletRequest visit() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/cart");
		request.setAttribute(DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE, new FixedLocaleResolver(Locale.FRENCH));
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request, new MockHttpServletResponse()));
		return request;
	}

	/** A module placed in the footer, with one setting. */
	private final class PromiseModule implements ShopModule {

		@Override
		public ModuleDescriptor descriptor() {
			return ModuleDescriptor.of("promise", "1.0.0")
				.hooks(List.of(HOOK), List.of())
				.settings(Setting.text("text", 80, "Livraison offerte"));
		}

		@Override
		public Optional<ModuleView> render(HookContext context) {
			return Optional.of(HookRendererTests.this.view);
		}

	}

	/** The module installed, enabled and placed, with the text last saved. */
	private static final class SavedStates extends ModuleStates {

		String text = "Livraison offerte";

		SavedStates() {
			super(null);
		}

		@Override
		public Snapshot load() {
			return new Snapshot(Map.of("promise", new Installed("promise", "1.0.0", true, Map.of("text", this.text))),
					Map.of(HOOK, List.of("promise")));
		}

	}

}
