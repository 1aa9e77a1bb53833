package fr.dwwm.comptoir.web;

import java.util.List;

import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.context.IWebContext;
import org.thymeleaf.linkbuilder.StandardLinkBuilder;

/**
 * Writes the links of the pages ({@code @{...}}) as Thymeleaf does, except that only the
 * links to static files go through the servlet's URL encoder, where Spring's resource URL
 * encoder adds their content hash ({@code /css/comptoir-<md5>.css}).
 *
 * <p>
 * A listing writes some fifty links to products and categories and a dozen to static
 * files. The encoder tested every one of them against each static prefix with an
 * {@code AntPathMatcher}, splitting the path into tokens each time: 5 % of the processor
 * time of a page, measured under load (docs/performance.md). The servlet's own URL
 * encoding, the other thing the encoder does, would only add a session id to links, which
 * this shop never does (sessions travel in a cookie only).
 */
final class StaticFilesLinkBuilder extends StandardLinkBuilder {

	private final List<String> prefixes;

	/**
	 * @param prefixes the URL prefixes of the static files, such as {@code /css/}
	 */
	StaticFilesLinkBuilder(List<String> prefixes) {
		this.prefixes = List.copyOf(prefixes);
	}

	@Override
	protected String processLink(IExpressionContext context, String link) {
		if (context instanceof IWebContext web
				&& !isStaticFile(link, web.getExchange().getRequest().getApplicationPath())) {
			return link;
		}
		return super.processLink(context, link);
	}

	private boolean isStaticFile(String link, String applicationPath) {
		if (!link.startsWith(applicationPath)) {
			return false;
		}
		for (String prefix : this.prefixes) {
			if (link.startsWith(prefix, applicationPath.length())) {
				return true;
			}
		}
		return false;
	}

}
