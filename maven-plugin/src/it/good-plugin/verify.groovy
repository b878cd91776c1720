import java.util.jar.JarFile

def jar = new JarFile(new File(basedir, 'target/good-plugin-1.0.0.jar'))
def main = jar.manifest.mainAttributes
assert main.getValue('Plugin-Id') == 'good-plugin'
assert main.getValue('Plugin-Version') == '1.0.0'
assert main.getValue('Plugin-Requires') == '1.0'
assert main.getValue('Plugin-Description') == 'A correct plugin: builds, and its manifest carries the descriptor.'
assert main.getValue('Plinth-Build-Time') == '2024-01-01T00:00:00Z'
assert main.getValue('Plinth-Build-Jdk') == System.getProperty('java.specification.version')
assert main.getValue('Plinth-Api-Fingerprint') ==~ /sha256:[0-9a-f]{64}/
assert jar.getInputStream(jar.getEntry('META-INF/services/com.acme.api.Filter')).text == 'com.acme.good.Upper\n'
assert jar.getInputStream(jar.getEntry('META-INF/services/dev.plinth.api.Plugin')).text == 'com.acme.good.GoodPlugin\n'
assert jar.entries().toList().take(2)*.name == ['META-INF/', 'META-INF/MANIFEST.MF']
jar.close()

def log = new File(basedir, 'build.log').text
assert log.contains('plinth: good-plugin@1.0.0: 0 errors, 0 warnings')
return true
