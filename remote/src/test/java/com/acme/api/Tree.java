package com.acme.api;

import java.util.List;

/** A recursive record: only the depth limit bounds how deep one may nest. */
public record Tree(String label, List<Tree> children) {
}
