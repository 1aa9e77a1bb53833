package fr.dwwm.comptoir.web;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceChainRegistration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.web.servlet.resource.VersionResourceResolver;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * The shop's static files, each folder under its own URL prefix ({@code /css},
 * {@code /js}, {@code /img}, {@code /modules} for the modules' files, {@code /webjars}
 * for the libraries), served under a content hash ({@code /css/comptoir-<md5>.css}) and
 * cached for a year: a change gives a new URL, so a browser never keeps a stale file.
 *
 * <p>
 * Why not Spring Boot's default mapping ({@code /**} on {@code classpath:/static/})?
 * Every link a page writes with {@code @{...}} goes through the resource URL encoder,
 * which looks for a static file behind it. Under {@code /**} that is every link of the
 * page — products, pages, categories — and a file that does not exist is searched for
 * again on each request, across four classpath folders of a 200 MB jar. Measured with
 * bench/ShopLoad.java, it was most of the cost of a page (docs/performance.md). With one
 * prefix per folder, a link to {@code /products/...} matches no static mapping and costs
 * nothing. A link under a prefix that is no file (a module's form action) is remembered
 * as such ({@link KnownMissesResourceResolver}).
 */
@Configuration(proxyBeanMethods = false)
class StaticResourcesConfiguration implements WebMvcConfigurer {

	private static final CacheControl ONE_YEAR = CacheControl.maxAge(Duration.ofDays(365)).cachePublic();

	/** The folders of {@code classpath:/static/}, each served under its own prefix. */
	private static final List<String> FOLDERS = List.of("css", "js", "img", "modules");

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		for (String folder : FOLDERS) {
			hashed(registry.addResourceHandler("/" + folder + "/**")
				.addResourceLocations("classpath:/static/" + folder + "/")
				.setCacheControl(ONE_YEAR)
				.resourceChain(true));
		}
		hashed(registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.setCacheControl(ONE_YEAR)
			.resourceChain(true))
			// /webjars/bootstrap/css/... without the version number: the library's
			// version lives in the pom only.
			.addResolver(new LiteWebJarsResourceResolver());
	}

	/**
	 * Pages write their links with {@link StaticFilesLinkBuilder}: only the links to
	 * static files go through the resource URL encoder.
	 * @return sets the link builder on Spring Boot's template engine before its first use
	 */
	@Bean
	static BeanPostProcessor staticFilesLinkBuilder() {
		List<String> prefixes = Stream.concat(FOLDERS.stream(), Stream.of("webjars"))
			.map((folder) -> "/" + folder + "/")
			.toList();
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof SpringTemplateEngine engine) {
					engine.setLinkBuilder(new StaticFilesLinkBuilder(prefixes));
				}
				return bean;
			}
		};
	}

	private static ResourceChainRegistration hashed(ResourceChainRegistration chain) {
		return chain.addResolver(new KnownMissesResourceResolver())
			.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
	}

}
