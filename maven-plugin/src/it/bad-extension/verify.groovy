def log = new File(basedir, 'build.log').text
assert log =~ /\[ERROR\] .*com\/acme\/bad\/Upper\.java:\[6,1\] @Extension com\.acme\.bad\.Upper: is not public; declare it public, ServiceLoader instantiates only public classes/
assert !new File(basedir, 'target/bad-extension-1.0.0.jar').exists()
return true
