def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] error[entry-point]: com.acme.quiet.Quiet: annotated @Extension but listed in no'
        + ' META-INF/services file')
assert log.contains('add dev.plinth:plinth-processor to the annotationProcessorPaths of maven-compiler-plugin')
return true
