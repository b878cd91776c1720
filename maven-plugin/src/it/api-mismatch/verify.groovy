def log = new File(basedir, 'build.log').text
assert log.contains('against com.acme.it:acme-api:1.0')
assert log =~ /\[ERROR\] error\[api-mismatch\]: com\.acme\.loud\.Loud\.apply\(.*\): calls com\.acme\.api\.Requests\.shout\(.*\) which the host API does not have/
return true
