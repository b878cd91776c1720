package com.acme.good;

import dev.plinth.api.Extension;
import dev.plinth.api.Plugin;

@Extension
public class GoodPlugin implements Plugin {
}
