def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] error[entry-point]: META-INF/services/com.acme.api.Filter:'
        + ' src/by-hand/resources/META-INF/services/com.acme.api.Filter lists com.acme.lost.Upper,'
        + ' but services-lost-1.0.0.jar has no such file')
assert log.contains('= fix: rebuild with mvn clean package')
return true
