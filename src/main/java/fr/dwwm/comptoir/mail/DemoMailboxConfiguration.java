package fr.dwwm.comptoir.mail;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * In demo mode, mails go to the {@link DemoMailbox} instead of a real mail server.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "com.icegreen.greenmail.util.GreenMail")
@ConditionalOnProperty(name = "app.demo.mailbox.enabled", havingValue = "true")
class DemoMailboxConfiguration {

	@Bean
	DemoMailbox demoMailbox(@Value("${app.demo.mailbox.port}") int port) {
		return DemoMailbox.shared(port);
	}

	@Bean
	JavaMailSenderImpl mailSender(DemoMailbox mailbox) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(mailbox.port());
		sender.setDefaultEncoding("UTF-8");
		return sender;
	}

}
