"""Reading math from student answers: LaTeX, plain-text math and prose.

Pipeline: :mod:`.statements` finds equations in the text; :mod:`.latex` rewrites LaTeX
into plain math; :mod:`.lexer` and :mod:`.parser` build a tree (never evaluating text);
:mod:`.realize` turns it into SymPy, expanding ellipses and sums at concrete lengths;
:mod:`.equivalence` compares expressions in layers; :mod:`.limits` bounds every SymPy
call in time; :mod:`.prose` scores prose with concept rubrics; :mod:`.scoring` maps named
outcomes to credit and feedback.
"""
