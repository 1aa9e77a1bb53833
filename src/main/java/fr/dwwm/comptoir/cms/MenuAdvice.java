package fr.dwwm.comptoir.cms;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page the links of the header menu ({@code headerLinks}), of the footer menu
 * ({@code footerLinks}) and the editors' blocks ({@code cmsBlocks}). If the database
 * cannot be reached the page still renders, with the layout's fixed links only.
 */
@ControllerAdvice
class MenuAdvice {

	private static final Logger logger = LoggerFactory.getLogger(MenuAdvice.class);

	private final Menus menus;

	private final CmsBlocks blocks;

	MenuAdvice(Menus menus, CmsBlocks blocks) {
		this.menus = menus;
		this.blocks = blocks;
	}

	/**
	 * The editors' blocks, for the display hooks of storefront pages
	 * ({@code fragments/hook.html}); the back-office shows none.
	 * @param request the current request
	 * @return the blocks of the page's hooks, or {@code null} in the back-office
	 */
	@ModelAttribute("cmsBlocks")
	PageBlocks cmsBlocks(jakarta.servlet.http.HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/admin") ? null
				: new PageBlocks(this.blocks);
	}

	@ModelAttribute("headerLinks")
	List<Menus.Link> headerLinks() {
		return linksOf(Menus.HEADER);
	}

	@ModelAttribute("footerLinks")
	List<Menus.Link> footerLinks() {
		return linksOf(Menus.FOOTER);
	}

	private List<Menus.Link> linksOf(String menuCode) {
		try {
			return this.menus.links(menuCode);
		}
		catch (DataAccessException ex) {
			logger.warn("Page shown without its {} menu: {}", menuCode, ex.getMessage());
			return List.of();
		}
	}

}
