/** What a plugin may import when it wants more than a plain ServiceLoader entry. */
module dev.plinth.api {
    exports dev.plinth.api;
}
