package fr.dwwm.comptoir.mail;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.thymeleaf.spring6.templateresolver.SpringResourceTemplateResolver;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * The plain-text versions of the mails are Thymeleaf templates in text mode
 * ({@code templates/mail/text/*.txt}, and
 * {@code templates/modules/<code>/mail/text/*.txt} for modules); Spring Boot's template
 * engine picks this resolver up beside its HTML one. Scheduling runs the outbox sender
 * and the daily purges of data kept no longer than needed ({@code app.retention.cron}).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class MailConfiguration {

	@Bean
	SpringResourceTemplateResolver textMailTemplateResolver() {
		SpringResourceTemplateResolver resolver = new SpringResourceTemplateResolver();
		resolver.setPrefix("classpath:/templates/");
		resolver.setSuffix(".txt");
		resolver.setTemplateMode(TemplateMode.TEXT);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setResolvablePatterns(java.util.Set.of("mail/text/*", "modules/*/mail/text/*"));
		resolver.setCheckExistence(true);
		resolver.setOrder(0);
		return resolver;
	}

}
