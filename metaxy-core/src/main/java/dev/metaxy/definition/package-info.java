/**
 * Feature definitions: keys, specs, fields, dependencies, lineage, and their JSON in Python's {@code model_dump}
 * form.
 */
package dev.metaxy.definition;
