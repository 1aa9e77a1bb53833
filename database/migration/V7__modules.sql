-- Modules: the registry of installed modules with their JSONB configuration, and where
-- each one is placed in the display hooks.

CREATE TABLE module (
    code          text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9-]{1,39}$'),
    installed_version text NOT NULL CHECK (installed_version ~ '^[0-9]+\.[0-9]+\.[0-9]+$'),
    enabled       boolean NOT NULL DEFAULT false,
    -- Settings typed and validated by the module; always a JSON object.
    configuration jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(configuration) = 'object'),
    installed_at  timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    version       integer NOT NULL DEFAULT 0
);
CREATE TRIGGER module_updated_at BEFORE UPDATE ON module
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE module_hook (
    module_code text NOT NULL REFERENCES module (code) ON DELETE CASCADE,
    hook        text NOT NULL CHECK (hook ~ '^(display|action)[A-Z][A-Za-z]+$'),
    position    integer NOT NULL DEFAULT 0,
    PRIMARY KEY (module_code, hook)
);
CREATE INDEX module_hook_hook_idx ON module_hook (hook, position);
