/**
 * Hash algorithms (xxhash64/32, wyhash, md5, sha256) with Python Metaxy's rendering and truncation.
 */
package dev.metaxy.hash;
