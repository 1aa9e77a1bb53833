-- A published page's next version, prepared as a draft. Until then, saving a published
-- page put the change live at once, and an editor could not prepare a change of a page
-- visitors read. Now the columns of cms_page hold what visitors see; saving a published
-- page writes a revision only and names it here; « Publier les modifications » copies it
-- into the page and empties this column. A draft page (never published, or withdrawn)
-- has no pending revision: its own columns are the draft.
ALTER TABLE cms_page ADD COLUMN pending_revision integer;
ALTER TABLE cms_page ADD CONSTRAINT cms_page_pending_revision_fk
    FOREIGN KEY (id, pending_revision) REFERENCES cms_page_revision (page_id, revision);
ALTER TABLE cms_page ADD CONSTRAINT cms_page_pending_revision_published
    CHECK (pending_revision IS NULL OR status = 'PUBLISHED');
