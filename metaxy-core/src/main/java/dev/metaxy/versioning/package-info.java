/**
 * Definition-level versions byte-identical to Python Metaxy, the per-feature plan of field lineage, and the in-
 * memory reference engine the SQL engine is tested against.
 */
package dev.metaxy.versioning;
