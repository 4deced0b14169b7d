package org.peersupport.web;

/** Lets other packages' tests run the page-structure checks on their own pages. */
public final class PageStructureAccess {

    private PageStructureAccess() {
    }

    public static void check(String path, String html) {
        PageStructureTests.check(path, html);
    }
}
