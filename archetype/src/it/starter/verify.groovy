import java.util.jar.JarFile

def project = new File(basedir, 'hello-plugin')
assert new File(project, 'src/main/java/com/example/hello/StarterPlugin.java').isFile()
assert new File(project, 'src/test/java/com/example/hello/StarterPluginTest.java').isFile()

def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0')
assert log.contains('plinth: hello-plugin@1.0.0: 0 errors, 0 warnings')

def jar = new JarFile(new File(project, 'target/hello-plugin-1.0.0.jar'))
def main = jar.manifest.mainAttributes
assert main.getValue('Plugin-Id') == 'hello-plugin'
assert main.getValue('Plugin-Version') == '1.0.0'
assert main.getValue('Plinth-Build-Time') == '2025-01-01T00:00:00Z'
assert jar.getInputStream(jar.getEntry('META-INF/services/dev.plinth.api.Plugin')).text == 'com.example.hello.StarterPlugin\n'
jar.close()
return true
