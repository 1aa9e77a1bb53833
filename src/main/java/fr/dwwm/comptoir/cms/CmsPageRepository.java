package fr.dwwm.comptoir.cms;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * CMS pages.
 */
public interface CmsPageRepository extends JpaRepository<CmsPage, Long> {

	/**
	 * Finds a page by slug in a given state.
	 * @param slug the URL segment
	 * @param status the wanted state
	 * @return the page, if any
	 */
	Optional<CmsPage> findBySlugAndStatus(String slug, CmsPage.Status status);

	/**
	 * Lists the pages in a given state.
	 * @param status the wanted state
	 * @return pages by slug
	 */
	List<CmsPage> findByStatusOrderBySlug(CmsPage.Status status);

}
