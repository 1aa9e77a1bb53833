package fr.dwwm.comptoir.catalog;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Categories, read as a whole tree: there are few of them.
 */
public interface CategoryRepository extends JpaRepository<Category, Long> {

	/**
	 * Finds a category by its URL segment.
	 * @param slug the slug
	 * @return the category, if any
	 */
	Optional<Category> findBySlug(String slug);

	/**
	 * Returns every active category, in display order, to build the tree in memory.
	 * @return active categories sorted by position then name
	 */
	List<Category> findByActiveTrueOrderByPositionAscNameAsc();

}
