/**
 * The basic examples.
 */
package dev.metaxy.examples.basic;
