/** Plinth's annotation processor for {@code @dev.plinth.api.Extension}; it exports nothing. */
module dev.plinth.processor {
    requires java.compiler;
    provides javax.annotation.processing.Processor with dev.plinth.processor.ExtensionProcessor;
}
