def log = new File(basedir, 'build.log').text
assert log.contains('plinth: again@1.0.0: 0 errors, 0 warnings')
assert !log.contains('plinth: manifest'): 'a rebuild warned about the descriptor plinth:check itself wrote'
return true
