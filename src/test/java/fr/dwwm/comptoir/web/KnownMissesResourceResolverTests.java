package fr.dwwm.comptoir.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.web.servlet.resource.ResourceResolverChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A link under a static prefix that is no file is searched for once, not on every page.
 */
class KnownMissesResourceResolverTests {

	private final SearchingChain chain = new SearchingChain();

	private final KnownMissesResourceResolver resolver = new KnownMissesResourceResolver();

	@Test
	void aLinkThatIsNoFileIsSearchedForOnlyOnce() {
		for (int page = 0; page < 3; page++) {
			assertThat(this.resolver.resolveUrlPath("newsletter/subscribe", List.of(), this.chain)).isNull();
		}
		assertThat(this.chain.searched).containsExactly("newsletter/subscribe");
	}

	@Test
	void aFileIsAlwaysHandedOnSoThatItsHashedUrlIsWritten() {
		for (int page = 0; page < 2; page++) {
			assertThat(this.resolver.resolveUrlPath("banner/banner.css", List.of(), this.chain))
				.isEqualTo("banner/banner-0123.css");
		}
		assertThat(this.chain.searched).containsExactly("banner/banner.css", "banner/banner.css");
	}

	@Test
	void theMemoryOfMissesIsBounded() {
		for (int link = 0; link <= KnownMissesResourceResolver.CAPACITY; link++) {
			this.resolver.resolveUrlPath("form/" + link, List.of(), this.chain);
		}
		this.chain.searched.clear();
		this.resolver.resolveUrlPath("form/" + KnownMissesResourceResolver.CAPACITY, List.of(), this.chain);
		this.resolver.resolveUrlPath("form/0", List.of(), this.chain);
		assertThat(this.chain.searched).containsExactly("form/" + KnownMissesResourceResolver.CAPACITY);
	}

	/** Knows one file, {@code banner/banner.css}, and records what it was asked for. */
	private static final class SearchingChain implements ResourceResolverChain {

		private final List<String> searched = new ArrayList<>();

		@Override
		public Resource resolveResource(HttpServletRequest request, String requestPath,
				List<? extends Resource> locations) {
			return null;
		}

		@Override
		public String resolveUrlPath(String resourcePath, List<? extends Resource> locations) {
			this.searched.add(resourcePath);
			return resourcePath.equals("banner/banner.css") ? "banner/banner-0123.css" : null;
		}

	}

}
