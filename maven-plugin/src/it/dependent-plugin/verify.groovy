import java.util.jar.JarFile

def jar = new JarFile(new File(basedir, 'target/dependent-plugin-1.0.0.jar'))
assert jar.manifest.mainAttributes.getValue('Plugin-Dependencies') == 'core@^1.0'
jar.close()

def log = new File(basedir, 'build.log').text
// without core's jar the check would report: neither the plugin nor the host has com.acme.core.Greeting
assert !log.contains('com.acme.core.Greeting')
assert log.contains('plinth: dependent-plugin@1.0.0: 0 errors, 0 warnings')
return true
