/**
 * {@link dev.metaxy.frame.Frame}: Arrow-backed tables passed into and out of stores.
 */
package dev.metaxy.frame;
