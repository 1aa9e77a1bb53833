package fr.dwwm.comptoir.module;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternUtils;

/**
 * The message bundles: the shop's ({@code messages}) and every module's
 * ({@code modules/<code>/messages}), found on the classpath, so that a module's jar
 * brings its texts in French and English with nothing to declare.
 */
@Configuration(proxyBeanMethods = false)
class ModuleMessagesConfiguration {

	@Bean
	MessageSource messageSource(ResourceLoader resourceLoader) {
		ResourceBundleMessageSource messages = new UncontendedMessageSource();
		List<String> basenames = new ArrayList<>();
		basenames.add("messages");
		basenames.addAll(moduleBundles(resourceLoader));
		messages.setBasenames(basenames.toArray(String[]::new));
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

	static List<String> moduleBundles(ResourceLoader resourceLoader) {
		try {
			TreeSet<String> basenames = new TreeSet<>();
			for (Resource bundle : ResourcePatternUtils.getResourcePatternResolver(resourceLoader)
				.getResources("classpath*:modules/*/messages.properties")) {
				String url = bundle.getURL().toString();
				int start = url.lastIndexOf("modules/", url.length() - "/messages.properties".length() - 1);
				basenames.add(url.substring(start, url.length() - ".properties".length()));
			}
			return List.copyOf(basenames);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
