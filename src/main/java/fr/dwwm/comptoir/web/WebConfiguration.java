package fr.dwwm.comptoir.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMapManager;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Language of the interface: French unless the visitor picked English with
 * {@code ?lang=en} (remembered in a cookie). Pages marked {@link SharedPage} are pointed
 * out to the {@link PageCache} by the {@link SharedPageInterceptor}. The messages left
 * for the next page keep only the latest per page ({@link LatestMessagePerPage}).
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	private final SharedPageInterceptor sharedPages;

	WebConfiguration(SharedPageInterceptor sharedPages) {
		this.sharedPages = sharedPages;
	}

	@Bean(DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
	static LocaleResolver localeResolver() {
		return new ShopLocaleResolver();
	}

	@Bean(DispatcherServlet.FLASH_MAP_MANAGER_BEAN_NAME)
	static FlashMapManager flashMapManager() {
		return new LatestMessagePerPage();
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName(ShopLocaleResolver.PARAMETER);
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
		registry.addInterceptor(this.sharedPages);
	}

}
