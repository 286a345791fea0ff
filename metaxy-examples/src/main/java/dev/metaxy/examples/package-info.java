/**
 * Runnable examples: the video pipeline of {@code bin/metaxy-example} and the runbooks of Python Metaxy's
 * examples.
 */
package dev.metaxy.examples;
