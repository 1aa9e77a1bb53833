package fr.dwwm.comptoir.cms;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

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

	/**
	 * Finds where a published page moved from one of its former addresses.
	 * @param formerSlug an address the page had before
	 * @return its current slug; empty if no page had it, or if it is not published (a
	 * draft's address is never revealed)
	 */
	@Query(value = """
			SELECT p.slug FROM cms_page_former_slug f JOIN cms_page p ON p.id = f.page_id
			WHERE f.slug = :formerSlug AND p.status = 'PUBLISHED'""", nativeQuery = true)
	Optional<String> movedTo(String formerSlug);

}
