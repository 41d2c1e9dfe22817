/** Shared model, SPIs and hot paths of runops; one sub-package per concern. */
package org.runops.core;
