package fr.dwwm.comptoir.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * Conditional reads of the REST API's catalogue: Spring's {@link ShallowEtagHeaderFilter}
 * tags each answer with a digest of its body ({@code ETag}) and answers 304 without a
 * body when the client sends the same tag back ({@code If-None-Match}). The answer is
 * still computed (the digest needs it), but not sent again: the saving is the network's,
 * which a phone on a slow connection feels. Personal answers are not tagged.
 */
@Configuration(proxyBeanMethods = false)
class ApiCaching {

	@Bean
	FilterRegistrationBean<ShallowEtagHeaderFilter> catalogueETags() {
		FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(
				new ShallowEtagHeaderFilter());
		registration.addUrlPatterns("/api/v1/products", "/api/v1/products/*", "/api/v1/categories");
		registration.setName("catalogueETags");
		return registration;
	}

}
