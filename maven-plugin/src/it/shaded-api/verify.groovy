def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] error[bundled-host-api]: shaded-api-1.0.0.jar: bundles 2 classes of host API package'
        + ' com.acme.api: com.acme.api.Filter, com.acme.api.Requests; the host never loads them')
assert log.contains('plinth: shaded-api-1.0.0.jar has 1 finding at or above error')
return true
