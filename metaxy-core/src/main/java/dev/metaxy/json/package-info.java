/**
 * JSON exactly as Python writes it: {@code json.dumps} (sorted or in order) and pydantic's compact form, Python's
 * float repr.
 */
package dev.metaxy.json;
