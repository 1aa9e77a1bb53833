package fr.dwwm.comptoir.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The active categories as a tree, read once and kept in memory: every page's navigation
 * needs it and it changes rarely.
 */
public final class CategoryTree {

	private final List<Node> roots;

	private final Map<Long, Node> byId;

	private final Map<String, Node> bySlug;

	private CategoryTree(List<Node> roots, Map<Long, Node> byId, Map<String, Node> bySlug) {
		this.roots = roots;
		this.byId = byId;
		this.bySlug = bySlug;
	}

	/**
	 * Builds the tree from categories sorted in display order. A category whose parent is
	 * inactive is left out with its subtree.
	 * @param categories active categories, parents before or after children
	 * @return the tree
	 */
	static CategoryTree of(List<Category> categories) {
		Map<Long, List<Category>> children = new HashMap<>();
		List<Category> tops = new ArrayList<>();
		for (Category category : categories) {
			if (category.getParent() == null) {
				tops.add(category);
			}
			else {
				children.computeIfAbsent(category.getParent().getId(), (id) -> new ArrayList<>()).add(category);
			}
		}
		Map<Long, Node> byId = new HashMap<>();
		Map<String, Node> bySlug = new HashMap<>();
		List<Node> roots = tops.stream().map((top) -> node(top, null, children, byId, bySlug)).toList();
		return new CategoryTree(roots, Collections.unmodifiableMap(byId), Collections.unmodifiableMap(bySlug));
	}

	private static Node node(Category category, Node parent, Map<Long, List<Category>> children, Map<Long, Node> byId,
			Map<String, Node> bySlug) {
		List<Node> kids = new ArrayList<>();
		Node node = new Node(category.getId(), category.getName(), category.getSlug(), category.getDescription(),
				parent, kids);
		byId.put(node.id(), node);
		bySlug.put(node.slug(), node);
		for (Category child : children.getOrDefault(category.getId(), List.of())) {
			kids.add(node(child, node, children, byId, bySlug));
		}
		return node;
	}

	/**
	 * Returns the top-level categories, in display order.
	 * @return the roots
	 */
	public List<Node> roots() {
		return this.roots;
	}

	/**
	 * Finds a category by its URL segment.
	 * @param slug the slug
	 * @return the category, if it is active
	 */
	public Optional<Node> bySlug(String slug) {
		return Optional.ofNullable((slug != null) ? this.bySlug.get(slug) : null);
	}

	/**
	 * Finds a category by id.
	 * @param id the id
	 * @return the category, if it is active
	 */
	public Optional<Node> byId(Long id) {
		return Optional.ofNullable((id != null) ? this.byId.get(id) : null);
	}

	/**
	 * A category in the tree.
	 *
	 * @param id id
	 * @param name name
	 * @param slug URL segment
	 * @param description description, or {@code null}
	 * @param parent parent node, or {@code null} at the top
	 * @param children sub-categories in display order
	 */
	public record Node(long id, String name, String slug, String description, Node parent, List<Node> children) {

		/**
		 * Returns the path from the top of the tree down to this category, for a
		 * breadcrumb.
		 * @return ancestors then this category
		 */
		public List<Node> path() {
			List<Node> path = new ArrayList<>();
			for (Node node = this; node != null; node = node.parent) {
				path.add(0, node);
			}
			return path;
		}

		/**
		 * Tells whether a category is this one or one of its descendants.
		 * @param other another category
		 * @return whether {@code other} is in this subtree
		 */
		public boolean contains(Node other) {
			for (Node node = other; node != null; node = node.parent) {
				if (node.id == this.id) {
					return true;
				}
			}
			return false;
		}

		@Override
		public String toString() {
			return "Node[" + this.slug + "]";
		}

		@Override
		public boolean equals(Object other) {
			return (other instanceof Node node) && node.id == this.id;
		}

		@Override
		public int hashCode() {
			return Long.hashCode(this.id);
		}

	}

}
